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
 * Every known-wrong submission, graded by the real engine, gets its own verdict id and no model
 * points; every right variant gets full marks. The verdicts come from counts, overlaps, thread
 * kinds and sizes, so they hold on a loaded 2-core machine too.
 */
class KnownSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("fetch-sequential", "fetch", "sequential"),
                Arguments.of("fetch-parallel-stream", "fetch", "common-pool"),
                Arguments.of("fetch-cached-pool", "fetch", "thread-per-task"),
                Arguments.of("fetch-pool-never-shut-down", "fetch", "leaked-threads"),
                Arguments.of("fetch-get-after-submit", "fetch", "serialized"),
                Arguments.of("fetch-curl-process", "fetch", "processes"),
                Arguments.of("fetch-hard-coded-pool-5", "fetch", "hard-coded-pool-size"),
                Arguments.of("compute-sequential", "compute", "sequential"),
                Arguments.of("compute-virtual-thread-per-task", "compute", "virtual-threads"),
                Arguments.of("compute-platform-thread-per-task", "compute", "thread-per-task"),
                Arguments.of("compute-hard-coded-pool-2", "compute", "hard-coded-pool-size"),
                Arguments.of("compute-child-jvms", "compute", "processes"),
                Arguments.of("compute-synchronized-kernel", "compute", "serialized"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("fetch-virtual-semaphore", "fetch", "virtual-threads"),
                Arguments.of("fetch-async-client", "fetch", "async-client"),
                Arguments.of("compute-fixed-pool", "compute", "fixed-pool"),
                Arguments.of("compute-fork-join-pool", "compute", "fork-join-pool"));
    }

    @ParameterizedTest(name = "{0} is judged {2}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnVerdictAndNoModelPoints(String name, String exercise, String verdict) throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("wrong").resolve(name);
        assertTrue(Files.isDirectory(folder), folder + " exists");
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of(exercise), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals(verdict, e.verdict().id(), why),
                () -> assertEquals("fail", e.verdict().severity(), why),
                () -> assertEquals(0.0, e.points().model().earned(), why),
                () -> assertTrue(e.score() < e.maxScore(), why),
                () -> assertNotNull(e.verdict().hint(), "a wrong model always comes with a hint: " + why));
    }

    @ParameterizedTest(name = "{0} is judged {2} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String exercise, String verdict) throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("right").resolve(name);
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of(exercise), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals(verdict, e.verdict().id(), why),
                () -> assertEquals(e.maxScore(), e.score(), why));
    }

    @Test
    void referenceSolutionsGetFullMarksWithTheirObservedModels() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("solutions"), List.of("fetch", "compute"), true);
        GradeReport.ExerciseReport fetch = report.exercises().get(0);
        GradeReport.ExerciseReport compute = report.exercises().get(1);
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertEquals("fixed-pool", fetch.verdict().id(), GradingFixture.explain(fetch)),
                () -> assertEquals("common-pool", compute.verdict().id(), GradingFixture.explain(compute)),
                () -> assertEquals(report.maxScore(), report.score(), GradingFixture.explain(fetch) + "\n" + GradingFixture.explain(compute)),
                () -> assertTrue(fetch.tests().stream().anyMatch(t -> "hidden".equals(t.kind())), "hidden tests ran"),
                () -> assertTrue(report.fullMarks()));
    }

    @Test
    void stubsAreGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("exercises"), List.of("fetch", "compute"), true);
        assertNull(report.graderError());
        assertEquals(0.0, report.score());
        for (GradeReport.ExerciseReport e : report.exercises()) {
            String why = GradingFixture.explain(e);
            assertAll(
                    () -> assertEquals("not-implemented", e.verdict().id(), why),
                    () -> assertTrue(e.verdict().summary().contains("Not implemented yet"), why),
                    () -> assertTrue(e.tests().size() > 5, "every registered test is listed: " + why),
                    () -> assertTrue(e.tests().stream().noneMatch(t -> "passed".equals(t.status())), why),
                    () -> assertTrue(e.tests().stream().allMatch(t -> t.message() != null), "each test has a reason: " + why));
        }
    }
}
