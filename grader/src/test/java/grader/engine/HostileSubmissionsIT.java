package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Code that kills or hangs its test JVM costs only the tests it was running: the grader restarts
 * the JVM and runs the rest, and each casualty says what happened.
 */
class HostileSubmissionsIT {
    static final Path HOSTILE = GradingFixture.SUBMISSIONS.resolve("hostile");

    static GradeReport grade(String name, String exercise, Duration perTest) throws Exception {
        GraderHome home = GraderHome.locate();
        GradeRequest request = new GradeRequest(HOSTILE.resolve(name), List.of(exercise), home.hiddenJar(), 6, perTest,
                Duration.ofSeconds(300), Files.createTempDirectory("grader-hostile-"));
        return new Grader(home).grade(request);
    }

    @Test
    void systemExitInOneTestCostsOnlyThatTestAndSaysWhere() throws Exception {
        GradeReport report = grade("fetch-exit-on-one-worker", "fetch", Duration.ofSeconds(60));
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        List<GradeReport.TestResult> died = e.tests().stream().filter(t -> !t.passed()).toList();
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError(), why),
                () -> assertEquals(2, died.size(), "the public and the hidden test with maxWorkers = 1: " + why),
                () -> died.forEach(t -> assertTrue(t.message().contains("learner code called System.exit(0) at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:"),
                        t.name() + ": " + t.message())),
                () -> assertTrue(e.tests().stream().filter(GradeReport.TestResult::passed).count() >= 10, why),
                () -> assertEquals("fixed-pool", e.verdict().id(), why));
    }

    @Test
    void aTestDeafToItsTimeoutIsStoppedAndTheRestStillRun() throws Exception {
        GradeReport report = grade("compute-deaf-loop-on-empty-input", "compute", Duration.ofSeconds(2));
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        List<GradeReport.TestResult> stuck = e.tests().stream().filter(t -> !t.passed()).toList();
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError(), why),
                () -> assertEquals(2, stuck.size(), "the public and the hidden empty-input test: " + why),
                () -> stuck.forEach(t -> assertTrue(t.message().startsWith("timed out: still running 12 s after it started, and it ignored the interrupt at 2 s"),
                        t.name() + ": " + t.message())),
                () -> assertTrue(e.tests().stream().filter(GradeReport.TestResult::passed).count() >= 7, why),
                () -> assertEquals("common-pool", e.verdict().id(), why));
    }
}
