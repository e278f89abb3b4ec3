package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The threads exercise's rules: the Thread API's counters (starts by the Thread API or by an executor, the caller's
 * sleeps and joins, calls through Thread.run) name the mistake; without those counters the other exercises'
 * verdicts stay as they were.
 */
class ThreadsModelRulesTest {
    static final ExerciseSpec THREADS = ExerciseSpec.load("threads");

    static ModelVerdict judge(EvidenceBuilder b) {
        return ModelRules.judge(THREADS, java.util.List.of(b.build()));
    }

    @Test
    void aPlatformThreadPerUrlStartedThenJoinedIsRight() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("platform", 8).starts(8, 0)
                .counter("thread-api-starts", 8).counter("caller-joined", 1));
        assertAll(() -> assertEquals("thread-per-task", v.id(), v.summary()), () -> assertTrue(v.expected()),
                () -> assertEquals(1.0, v.share()));
    }

    @Test
    void aVirtualThreadPerUrlThroughTheThreadApiIsRight() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("virtual", 8).starts(0, 8)
                .counter("thread-api-starts", 8).counter("caller-joined", 1));
        assertAll(() -> assertEquals("virtual-threads", v.id(), v.summary()), () -> assertTrue(v.expected()));
    }

    @Test
    void startThenJoinInTheLoopIsSerialized() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("platform", 8).starts(8, 0).peak(1, false)
                .counter("thread-api-starts", 8).counter("caller-joined", 1));
        assertAll(() -> assertEquals("serialized", v.id(), v.summary()), () -> assertEquals(Severity.FAIL, v.severity()));
    }

    @Test
    void noThreadAtAllIsSequential() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("caller", 8).threads(1).peak(1, false));
        assertEquals("sequential", v.id(), v.summary());
    }

    @Test
    void callsThroughThreadRunOnTheCallerAreRunNotStart() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("caller", 8).threads(1).peak(1, false)
                .counter("run-not-start", 8));
        assertAll(() -> assertEquals("run-not-start", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("Thread.run()"), v.summary()),
                () -> assertNotNull(v.hint()));
    }

    @Test
    void threadsStillRunningAtReturnAreNotJoined() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("platform", 8).starts(8, 0)
                .counter("thread-api-starts", 8).counter("calls-unfinished-at-return", 8).leaked("thread \"Thread-3\" (WAITING)"));
        assertAll(() -> assertEquals("not-joined", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("8 of its 8 downloads had not finished"), v.summary()),
                () -> assertTrue(v.summary().contains("none was joined"), v.summary()));
    }

    @Test
    void returningBeforeAnyThreadMadeItsCallIsNotJoinedNotNoCalls() {
        // On a loaded machine the method can return before any of its threads reached the download.
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).calls(0, 0).peak(0, false).threads(0).starts(8, 0)
                .counter("thread-api-starts", 8).counter("calls-unfinished-at-return", 8));
        assertEquals("not-joined", v.id(), v.summary());
    }

    @Test
    void threadsStillAliveAfterEveryCallEndedAreNotNotJoined() {
        // A caller that waited on a latch: every download ended, some threads had not quite ended yet.
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("platform", 8).starts(8, 0)
                .counter("thread-api-starts", 8).counter("calls-unfinished-at-return", 0).leaked("thread \"Thread-3\" (RUNNABLE)"));
        assertEquals("polling", v.id(), v.summary());
    }

    @Test
    void sleepingInALoopInsteadOfJoiningIsPolling() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("platform", 8).starts(8, 0)
                .counter("thread-api-starts", 8).counter("caller-sleeps", 3));
        assertAll(() -> assertEquals("polling", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("by calling Thread.sleep and never joined one"), v.summary()));
    }

    @Test
    void spinningUntilTheThreadsEndWithoutJoiningIsPollingToo() {
        ModelVerdict v = judge(EvidenceBuilder.downloads(8).on("platform", 8).starts(8, 0).counter("thread-api-starts", 8));
        assertAll(() -> assertEquals("polling", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("without ever calling Thread.join"), v.summary()));
    }

    @Test
    void threadsThatAnExecutorStartedAreTheExecutor() {
        ModelVerdict virtual = judge(EvidenceBuilder.downloads(8).on("virtual", 8).starts(0, 8).counter("executor-starts", 8));
        ModelVerdict cached = judge(EvidenceBuilder.downloads(8).on("pool-worker", 8).starts(8, 0).pool("tpe", Integer.MAX_VALUE, true)
                .counter("executor-starts", 8));
        assertAll(() -> assertEquals("executor", virtual.id(), virtual.summary()),
                () -> assertEquals("executor", cached.id(), cached.summary()),
                () -> assertEquals(Severity.FAIL, cached.severity()));
    }

    @Test
    void withoutTheThreadApiCountersOtherExercisesKeepTheirVerdicts() {
        // A leaked platform thread per task in fetch stays thread-per-task; virtual threads in compute stay virtual-threads.
        assertEquals("thread-per-task", ModelRules.judge(ModelRulesTest.FETCH, java.util.List.of(EvidenceBuilder.fetch(3)
                .on("platform", 12).starts(12, 0).leaked("thread \"t\" (RUNNABLE)").build())).id());
        assertEquals("virtual-threads", ModelRules.judge(ModelRulesTest.COMPUTE, java.util.List.of(EvidenceBuilder.compute(6)
                .on("virtual", 48).starts(0, 48).build())).id());
    }
}
