package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.report.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A method that hangs on every input still gets a complete report: every test has a result, says which budget it ran
 * past and where the learner's code was when it ran out (from the thread dump then), and once the method has hung, each
 * later test has only its short budget, so the hang costs seconds a test. Graded with the specs' own limits (60 s per
 * test at most) and a watchdog the hangs would have used up before. The assertions read the report, never a clock.
 */
class HangingSubmissionsIT {
    /** compute's tests: the public ones, the model check and the hidden ones. */
    private static final int COMPUTE_TESTS = 11;

    @AfterEach
    void nothingTheGradingStartedIsStillRunning() {
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertTrue(left.isEmpty(), "processes left behind: " + left);
    }

    /** Lays {@code submissions/hostile/<name>} into the stubs, grades it, and checks it gets the labels of its expected.json. */
    static GradeReport grade(String name) throws Exception {
        GradingFixture.Labelled graded = HostileSubmissionsIT.grade(name, null, java.time.Duration.ofSeconds(300));
        assertAll(graded.asLabelled());
        return graded.report();
    }

    /**
     * Every test ran and failed as hung at {@code where}; the first in the order they ran ran past its own budget, each
     * later one past its short budget; and {@code ended} holds for each message (interrupted, or deaf to it).
     */
    static void everyTestHungAndLaterOnesHadShortBudgets(GradeReport report, Predicate<String> where, String ended) {
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        List<GradeReport.TestResult> tests = e.tests();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertNull(report.graderError(), why));
        checks.add(() -> assertEquals(COMPUTE_TESTS, tests.size(), why));
        checks.add(() -> assertTrue(tests.stream().noneMatch(t -> t.status() == TestStatus.NOT_RUN), "every test ran: " + why));
        for (int i = 0; i < tests.size(); i++) {
            GradeReport.TestResult t = tests.get(i);
            String m = String.valueOf(t.message());
            String budget = i == 0 ? "timed out: ran past its budget of " : "timed out: ran past its short budget of ";
            checks.add(() -> assertEquals(TestStatus.FAILED, t.status(), t.name() + ": " + m));
            checks.add(() -> assertTrue(m.startsWith(budget), t.name() + " should start with \"" + budget + "\": " + m));
            checks.add(() -> assertTrue(m.contains(ended), t.name() + " should say \"" + ended + "\": " + m));
            checks.add(() -> assertTrue(where.test(m), t.name() + " should say where it hung: " + m));
        }
        assertAll(checks);
    }

    @Test
    void aMethodThatSleepsForeverIsInterruptedAtEachBudget() throws Exception {
        everyTestHungAndLaterOnesHadShortBudgets(grade("compute-sleeps-forever"),
                m -> m.contains("the test's thread was TIMED_WAITING at course.compute.FactorialSums.computeAll(FactorialSums.java:"),
                "and ended when the grader interrupted it");
    }

    @Test
    void aLoopThatSwallowsInterruptsCostsItsTestJvmAndTheRestRunInNewOnes() throws Exception {
        everyTestHungAndLaterOnesHadShortBudgets(grade("compute-swallows-interrupts-in-a-loop"),
                m -> m.contains("the test's thread was TIMED_WAITING at course.compute.FactorialSums.computeAll(FactorialSums.java:"),
                "and it did not stop when interrupted; the grader stopped its test JVM and ran the remaining tests in a new one"
                        + " (its thread took the interrupt and went back to waiting at course.compute.FactorialSums.computeAll(");
    }

    @Test
    void aDeadlockOnEveryCallNamesItsThreadsAndLinesInEveryTest() throws Exception {
        everyTestHungAndLaterOnesHadShortBudgets(grade("compute-deadlock-in-every-call"),
                m -> m.contains("deadlock: thread \"")
                        && m.contains("held by \"learner-other\" at course.compute.FactorialSums.lockBoth(FactorialSums.java:"),
                "and it did not stop when interrupted; the grader stopped its test JVM and ran the remaining tests in a new one"
                        + " (its thread is in a deadlock on monitors, which no interrupt ends)");
    }

    /**
     * A loop that spins on one input looks like work to the clock: it ends on its processor budget (a floor of 10 s of
     * processor time for these quick tests), not at the 60 s ceiling, in both tests that give it that input; the first
     * ran past its budget, the later one past its short budget, and every other test passes.
     */
    @Test
    void aLoopThatSpinsForeverEndsOnItsProcessorBudget() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(grade("compute-deaf-loop-on-empty-input"));
        String why = GradingFixture.explain(e);
        List<GradeReport.TestResult> failed = e.tests().stream().filter(t -> !t.passed()).toList();
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(List.of("returnsAnEmptyListForNoValues", "returnsAnEmptyListForNoInputs"),
                failed.stream().map(GradeReport.TestResult::method).toList(), why));
        for (int i = 0; i < failed.size(); i++) {
            String m = String.valueOf(failed.get(i).message());
            // The first budget grows with the machine's load (a floor of 5 s); the short and the processor budgets do not.
            String budget = (i == 0 ? "timed out: ran past its budget of [0-9.]+ s" : "timed out: ran past its short budget of 1 s")
                    + " and then its processor budget of 10 s \\(its threads kept working: .*";
            checks.add(() -> assertTrue(java.util.regex.Pattern.compile(budget, java.util.regex.Pattern.DOTALL).matcher(m).matches(),
                    "should match \"" + budget + "\": " + m));
            checks.add(() -> assertTrue(m.contains("the test's thread was RUNNABLE at course.compute.FactorialSums.computeAll(FactorialSums.java:"),
                    "should say where it spun: " + m));
        }
        assertAll(checks);
    }
}
