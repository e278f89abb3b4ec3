package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The threads exercise graded by the real engine: each known mistake with the Thread API gets its own verdict id
 * and no model points, each right variant full marks, the reference solution full marks and the stub zero. The
 * verdicts come from counts (calls in progress together, starts by the Thread API or an executor, the caller's
 * sleeps and joins, calls through Thread.run, threads alive at return), never from the clock.
 */
class ThreadsSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("threads-sequential", "sequential"),
                Arguments.of("threads-join-in-loop", "serialized"),
                Arguments.of("threads-not-joined", "not-joined"),
                Arguments.of("threads-run-not-start", "run-not-start"),
                Arguments.of("threads-sleep-polling", "polling"),
                Arguments.of("threads-busy-wait", "polling"),
                Arguments.of("threads-executor", "executor"),
                Arguments.of("threads-fixed-pool", "executor"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("threads-virtual", "virtual-threads"),
                Arguments.of("threads-platform-builder", "thread-per-task"),
                Arguments.of("threads-start-virtual-thread", "virtual-threads"));
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnVerdictAndNoModelPoints(String name, String verdict) throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("wrong").resolve(name);
        assertTrue(Files.isDirectory(folder), folder + " exists");
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of("threads"), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals(verdict, e.verdict().id(), why),
                () -> assertEquals("fail", e.verdict().severity(), why),
                () -> assertEquals(0.0, e.points().model().earned(), why),
                () -> assertTrue(e.score() < e.maxScore(), why),
                () -> assertNotNull(e.verdict().hint(), "a wrong model always comes with a hint: " + why));
    }

    @ParameterizedTest(name = "{0} is judged {1} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String verdict) throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("right").resolve(name);
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of("threads"), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals(verdict, e.verdict().id(), why),
                () -> assertEquals(e.maxScore(), e.score(), why));
    }

    @Test
    void referenceSolutionGetsFullMarksAsAPlatformThreadPerUrl() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("solutions"), List.of("threads"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertEquals("thread-per-task", e.verdict().id(), why),
                () -> assertEquals(e.maxScore(), e.score(), why),
                () -> assertTrue(e.tests().stream().anyMatch(t -> "hidden".equals(t.kind())), "hidden tests ran: " + why));
    }

    @Test
    void theStubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("exercises"), List.of("threads"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertEquals(0.0, e.score(), why),
                () -> assertEquals("not-implemented", e.verdict().id(), why),
                () -> assertTrue(e.tests().size() > 5, "every registered test is listed: " + why),
                () -> assertTrue(e.tests().stream().noneMatch(t -> "passed".equals(t.status())), why),
                () -> assertTrue(e.tests().stream().allMatch(t -> t.message() != null), "each test has a reason: " + why));
    }
}
