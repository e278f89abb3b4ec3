package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Site;
import org.junit.jupiter.api.Test;

/** The {@code processes} exercise's rules on evidence as its check reports it: counters and states, never durations. */
class IsolationRulesTest {
    static final ExerciseSpec PROCESSES = ExerciseSpec.load("processes");
    static final Site WAIT_FOR = new Site("course.processes.IsolatedRunner", "run", "IsolatedRunner.java", 51);

    @Test
    void boundedChildrenGoneAtReturnAreTheExpectedProcessesModel() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(6, 2).counter("hold-target", 2).counter("hold-reached", 1));
        assertAll(() -> assertEquals("processes", v.id()), () -> assertEquals(Severity.INFO, v.severity()), () -> assertEquals(1.0, v.share()));
    }

    @Test
    void jobsThatReportTheCallersPidRanInProcess() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(6, 2).noProcesses().counter("jobs-in-process", 6));
        assertAll(() -> assertEquals("in-process", v.id()), () -> assertEquals(Severity.FAIL, v.severity()),
                () -> assertTrue(v.summary().startsWith("6 of your 6 jobs ran inside"), v.summary()));
    }

    @Test
    void moreChildrenAliveThanMaxProcessesIsUnbounded() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(6, 2).counter("children-peak", 6));
        assertAll(() -> assertEquals("unbounded-processes", v.id()), () -> assertTrue(v.summary().contains("Up to 6 child JVMs"), v.summary()));
    }

    @Test
    void aRendezvousNeverReachedWithFewerChildrenIsUnderTheLimit() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(6, 3).counter("children-peak", 1)
                .counter("hold-target", 3).counter("hold-reached", 0));
        assertEquals("under-limit", v.id());
    }

    @Test
    void aChildAliveAtReturnIsLeaked() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("children-alive-at-return", 2));
        assertAll(() -> assertEquals("leaked-processes", v.id()), () -> assertTrue(v.summary().contains("2 child processes were still alive"), v.summary()));
    }

    @Test
    void aStuckCallWithAFloodBlockedAfterThePipeBufferIsAPipeDeadlock() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-flooders", 2)
                .counter("stuck-flood-written", 65_536).counter("stuck-flood-total", 3_145_728).counter("stuck-in-waitFor", 2)
                .counter("stuck-children-alive", 2)
                .waiting("main", "WAITING", "java.util.concurrent.FutureTask.awaitDone", EvidenceBuilder.SITE)
                .waiting("pool-1-thread-1", "WAITING", "java.lang.ProcessImpl.waitFor", WAIT_FOR));
        assertAll(() -> assertEquals("pipe-deadlock", v.id()),
                () -> assertTrue(v.summary().contains("stopped after writing 65536"), v.summary()),
                () -> assertEquals(WAIT_FOR, v.site(), "the line that waits for the child, not the caller's"));
    }

    @Test
    void aFloodStillBeingReadIsNoPipeDeadlock() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-flooders", 1)
                .counter("stuck-reading-output", 1).counter("stuck-children-alive", 1));
        assertEquals("processes", v.id(), "a slow but drained flood fails its test, not the model");
    }

    @Test
    void aFloodStalledPastWhatAPipeCanHoldWasReadSlowlyByAThreadNoDumpShowsAndIsNoPipeDeadlock() {
        // A virtual thread reading is not in a thread dump; 2 MiB written means someone read it, however slowly.
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-flooders", 1)
                .counter("stuck-flood-written", 2_097_152).counter("stuck-flood-total", 3_145_728).counter("stuck-children-alive", 1));
        assertEquals("processes", v.id(), v.summary());
    }

    @Test
    void aStuckCallWithAChildThatNeverEndsIsNoKill() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-sleepers", 2)
                .counter("stuck-children-alive", 2).counter("stuck-in-waitFor", 1)
                .waiting("pool-1-thread-1", "WAITING", "java.lang.ProcessImpl.waitFor", WAIT_FOR));
        assertAll(() -> assertEquals("no-kill", v.id()), () -> assertTrue(v.summary().contains("2 child processes still alive"), v.summary()),
                () -> assertTrue(v.summary().contains("1 thread of yours was waiting in Process.waitFor()"), v.summary()),
                () -> assertEquals(WAIT_FOR, v.site()));
    }

    @Test
    void aStuckCallWithChildrenThatIgnoredThePoliteStopIsPoliteKillOnly() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1)
                .counter("stuck-ignored-term", 2).counter("stuck-children-alive", 2).counter("stuck-in-waitFor", 2)
                .waiting("pool-1-thread-1", "WAITING", "java.lang.ProcessImpl.waitFor", WAIT_FOR));
        assertAll(() -> assertEquals("polite-kill-only", v.id()), () -> assertEquals(0.0, v.share()),
                () -> assertTrue(v.summary().contains("2 child processes that never end were sent only the polite stop (SIGTERM"), v.summary()),
                () -> assertTrue(v.summary().contains("2 threads of yours were waiting in Process.waitFor()"), v.summary()),
                () -> assertTrue(v.why().contains("destroy()"), v.why()),
                () -> assertTrue(v.hint().contains("destroyForcibly()"), v.hint()),
                () -> assertEquals(WAIT_FOR, v.site()));
    }

    @Test
    void aStubbornChildNeverSentAnyStopIsStillNoKill() {
        // The check counts a stubborn job that never reported SIGTERM with the jobs that never end: nobody tried to stop it.
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1)
                .counter("stuck-sleepers", 2).counter("stuck-children-alive", 2));
        assertEquals("no-kill", v.id(), v.summary());
    }

    @Test
    void childrenAliveAtReturnAfterIgnoringThePoliteStopArePoliteKillOnlyNotLeaked() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(2, 2).counter("children-alive-at-return", 2)
                .counter("alive-after-polite-stop", 1));
        assertAll(() -> assertEquals("polite-kill-only", v.id()),
                () -> assertTrue(v.summary().contains("But 1 child process that never ends was sent only the polite stop"), v.summary()),
                () -> assertTrue(v.summary().contains("still alive when your method returned"), v.summary()));
    }

    @Test
    void aRunnerThatOnlyAsksPassesTheNeverEndingJobsAndIsCaughtByTheStubbornOnes() {
        // destroy() ends the plain never-ending jobs (SIGTERM is enough for them): only the stubborn scenario shows it.
        ModelVerdict v = ModelRulesTest.judge(PROCESSES,
                EvidenceBuilder.processes(6, 2).counter("hold-target", 2).counter("hold-reached", 1),
                EvidenceBuilder.processes(2, 2).counter("children-alive-at-return", 0),
                EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-ignored-term", 2).counter("stuck-children-alive", 2));
        assertEquals("polite-kill-only", v.id(), v.summary());
    }

    @Test
    void theProcessesSummaryNamesNoPathOrJarOfTheGraders() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES, EvidenceBuilder.processes(6, 2).counter("hold-target", 2).counter("hold-reached", 1));
        assertAll(() -> assertTrue(v.summary().contains("(first: java -cp (class path) (the job's main class) hold)"), v.summary()),
                () -> assertTrue(!v.summary().contains("grader") && !v.summary().contains(".jar"), v.summary()));
    }

    @Test
    void thePipeDeadlockScenarioComesFirstSoItDecidesOverALaterNoKill() {
        ModelVerdict v = ModelRulesTest.judge(PROCESSES,
                EvidenceBuilder.processes(6, 2),
                EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-flooders", 1).counter("stuck-children-alive", 1),
                EvidenceBuilder.processes(2, 2).counter("runall-stuck", 1).counter("stuck-sleepers", 2).counter("stuck-children-alive", 2));
        assertEquals("pipe-deadlock", v.id());
    }

    @Test
    void childProcessesStayWrongForFetchAndComputeWhateverTheirCounters() {
        assertEquals("processes", ModelRulesTest.judge(ModelRulesTest.FETCH, EvidenceBuilder.fetch(3).calls(0, 0).process("curl")
                .counter("children-peak", 9)).id());
        assertEquals(Severity.FAIL, ModelRulesTest.judge(ModelRulesTest.COMPUTE, EvidenceBuilder.compute(6).calls(0, 0).process("java")).severity());
    }
}
