package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.report.TestStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile code gets a complete, honest report: every test has a result and a reason, a test that
 * kills or hangs its JVM costs only itself (the grader restarts the JVM and runs the rest), and
 * nothing it starts outlives the grading. Each fixture is a right solution that attacks on one input
 * only (maxWorkers = 1 for fetch, an empty list for compute), so the casualties are exactly the
 * public and the hidden test that use that input.
 */
class HostileSubmissionsIT {
    static GradingFixture.Labelled grade(String name, Duration perTest) throws Exception {
        return grade(name, perTest, Duration.ofSeconds(300));
    }

    /**
     * Lays {@code submissions/hostile/<name>} into the stubs and grades it for the exercise its labels name.
     *
     * @param perTest the tests' ceiling (their budgets come from the reference run), or null for the spec's
     */
    static GradingFixture.Labelled grade(String name, Duration perTest, Duration watchdog) throws Exception {
        return GradingFixture.gradeLabelled("hostile/" + name, new Grader(GraderHome.locate()), perTest, watchdog);
    }

    @AfterEach
    void nothingTheGradingStartedIsStillRunning() {
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertTrue(left.isEmpty(), "processes left behind: " + left);
    }

    /**
     * Exactly the two tests of the attacked input fail, each with a reason that matches; the rest pass; and the verdict
     * is the one the fixture's expected.json names.
     */
    static void onlyTheAttackedTestsFail(GradingFixture.Labelled graded, Predicate<String> reason) {
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        List<GradeReport.TestResult> failed = e.tests().stream().filter(t -> !t.passed()).toList();
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError(), why),
                () -> assertEquals(2, failed.size(), "the public and the hidden test of the attacked input: " + why),
                () -> failed.forEach(t -> assertTrue(t.message() != null && reason.test(t.message()), t.name() + ": " + t.message())),
                () -> assertTrue(e.tests().stream().noneMatch(t -> t.status() == TestStatus.NOT_RUN), "every test ran: " + why),
                graded.asLabelled());
    }

    @Test
    void systemExitInOneTestCostsOnlyThatTestAndSaysWhere() throws Exception {
        onlyTheAttackedTestsFail(grade("fetch-exit-on-one-worker", Duration.ofSeconds(60)),
                m -> m.contains("learner code called System.exit(0) at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:"));
    }

    @Test
    void networkAccessOutsideTheLoopbackIsRefusedBeforeAnythingLeavesAndNamed() throws Exception {
        onlyTheAttackedTestsFail(grade("fetch-calls-outside-on-one-worker", Duration.ofSeconds(60)),
                m -> m.contains("network access refused by the grader: looking up collector.grader-test.invalid"));
    }

    @Test
    void runtimeHaltIsNamedWithItsLine() throws Exception {
        onlyTheAttackedTestsFail(grade("compute-halt-on-empty-input", Duration.ofSeconds(60)),
                m -> m.contains("learner code called Runtime.halt(0) at course.compute.FactorialSums.computeAll(FactorialSums.java:"));
    }

    @Test
    void systemExitFromAnotherThreadIsPinnedOnTheTestThatWasRunning() throws Exception {
        onlyTheAttackedTestsFail(grade("compute-exit-from-another-thread", Duration.ofSeconds(60)),
                m -> m.contains("learner code called System.exit(0) at course.compute.FactorialSums.lambda$computeAll$"));
    }

    @Test
    void fakeResultsPrintedOrFromAShutdownHookChangeNothing() throws Exception {
        GradingFixture.Labelled graded = grade("fetch-shutdown-hook-fakes-result", Duration.ofSeconds(60));
        onlyTheAttackedTestsFail(graded, m -> m.contains("System.exit(0)"));
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        assertAll(
                () -> assertTrue(report.environment().output().contains("total      30/30"), "the fake is in the learner's output"),
                () -> assertTrue(e.score() < e.maxScore(), GradingFixture.explain(e)));
    }

    @Test
    void aTestDeafToItsTimeoutIsStoppedAndTheRestStillRun() throws Exception {
        // The spec's ceiling, not a short one: a short ceiling would apply to the right tests too, on a loaded machine.
        // A loop that keeps working is not told from a slow test by the clock: it runs on until its processor budget is used.
        onlyTheAttackedTestsFail(grade("compute-deaf-loop-on-empty-input", null),
                // The first attacked test has its own budget; the second, after that hang, its short one.
                m -> (m.startsWith("timed out: ran past its budget of ") || m.startsWith("timed out: ran past its short budget of "))
                        && m.contains(" and then its processor budget of ")
                        && m.contains("(its threads kept working: ")
                        && m.contains("), and it did not stop when interrupted")
                        && m.contains("the test's thread was RUNNABLE at course.compute.FactorialSums.computeAll(FactorialSums.java:"));
    }

    @Test
    void aDeadlockNamesItsThreadsLocksAndLines() throws Exception {
        onlyTheAttackedTestsFail(grade("fetch-deadlock-on-one-worker", null),
                m -> m.contains("deadlock: thread \"learner-first\" waits for java.lang.Object@")
                        && m.contains("held by \"learner-second\" at course.fetch.StatusFetcher.lockBoth(StatusFetcher.java:"));
    }

    @Test
    void runningOutOfHeapFailsOnlyThatTest() throws Exception {
        onlyTheAttackedTestsFail(grade("compute-out-of-memory-on-empty-input", Duration.ofSeconds(60)),
                m -> m.contains("OutOfMemoryError"));
    }

    @Test
    void aHundredThousandThreadsStopAtTheGradersLimitAndCostOnlyThatTest() throws Exception {
        onlyTheAttackedTestsFail(grade("compute-100000-threads-on-empty-input", Duration.ofSeconds(60)),
                m -> m.contains("the grader's limit of"));
    }

    @Test
    void aForkBombStopsAtTheGradersLimitAndCostsOnlyThatTest() throws Exception {
        // The process cap (a count) decides, not the machine's speed: the test's threads keep working while the
        // children start, so it runs on past its budget up to this ceiling, which no machine should reach.
        onlyTheAttackedTestsFail(grade("compute-fork-bomb-on-empty-input", Duration.ofSeconds(1_800), Duration.ofSeconds(3_600)),
                m -> m.contains("the grader's limit of"));
    }

    @Test
    void aHugeArrayFailsOnlyThatTest() throws Exception {
        onlyTheAttackedTestsFail(grade("compute-huge-array-on-empty-input", Duration.ofSeconds(60)),
                m -> m.contains("OutOfMemoryError"));
    }

    @Test
    void aStackOverflowFailsOnlyThatTest() throws Exception {
        onlyTheAttackedTestsFail(grade("compute-stack-overflow-on-empty-input", Duration.ofSeconds(60)),
                m -> m.contains("StackOverflowError"));
    }

    @Test
    void aGigabyteOfOutputIsCutWithAVisibleMarker() throws Exception {
        GradingFixture.Labelled graded = grade("fetch-floods-output", Duration.ofSeconds(60));
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String out = report.environment().output();
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertEquals(e.maxScore(), e.score(), GradingFixture.explain(e)),
                graded.asLabelled(),
                () -> assertTrue(report.environment().outputCut()),
                () -> assertTrue(out.length() < 70 * 1024, "kept output is capped: " + out.length()),
                () -> assertTrue(out.contains("[output cut by the grader: "), out.substring(Math.max(0, out.length() - 300))));
    }

    @Test
    void aThreadLeftSpinningDoesNotKeepTheTestJvmAlive() throws Exception {
        GradingFixture.Labelled graded = grade("compute-leaves-a-deaf-thread", Duration.ofSeconds(60));
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertFalse(report.environment().timedOut()),
                () -> assertEquals(e.maxScore(), e.score(), GradingFixture.explain(e)),
                graded.asLabelled());
    }
}
