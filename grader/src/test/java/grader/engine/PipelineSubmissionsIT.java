package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.probes.Evidence;
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
 * The pipeline exercise graded by the real engine: each known-wrong submission gets the verdict of its own mistake
 * and no model points, each right variant and the reference solution full marks with both stages' numbers, the
 * stub zero. The verdicts come from per-stage counts, overlaps and thread kinds, so they hold on a loaded machine.
 */
class PipelineSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("pipeline-digest-on-fetch-thread", "digest-on-io-threads"),
                Arguments.of("pipeline-fetch-on-cpu-pool", "fetch-on-cpu-pool"),
                Arguments.of("pipeline-one-parallel-stream", "one-parallel-stream"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("pipeline-async-client"),
                Arguments.of("pipeline-virtual-then-parallel-stream"));
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnVerdictAndNoModelPoints(String name, String verdict) throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("wrong").resolve(name);
        assertTrue(Files.isDirectory(folder), folder + " exists");
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of("pipeline"), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals(verdict, e.verdict().id(), why),
                () -> assertEquals("fail", e.verdict().severity(), why),
                () -> assertEquals(0.0, e.points().model().earned(), why),
                () -> assertTrue(e.score() < e.maxScore(), why),
                () -> assertEquals(e.points().functional().max(), e.points().functional().earned(), "the results are right: " + why),
                () -> assertNotNull(e.verdict().hint(), "a wrong model always comes with a hint: " + why));
    }

    @ParameterizedTest(name = "{0} is staged with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name) throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("right").resolve(name);
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of("pipeline"), true));
        assertStagedWithFullMarks(e);
    }

    @Test
    void referenceSolutionIsStagedWithFullMarks() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("solutions"), List.of("pipeline"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertStagedWithFullMarks(e),
                () -> assertTrue(e.tests().stream().anyMatch(t -> "hidden".equals(t.kind())), "hidden tests ran"));
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("exercises"), List.of("pipeline"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError()),
                () -> assertEquals(0.0, report.score(), why),
                () -> assertEquals("not-implemented", e.verdict().id(), why),
                () -> assertTrue(e.verdict().summary().contains("Not implemented yet"), why),
                () -> assertTrue(e.tests().size() > 5, "every registered test is listed: " + why),
                () -> assertTrue(e.tests().stream().noneMatch(t -> "passed".equals(t.status())), why),
                () -> assertTrue(e.tests().stream().allMatch(t -> t.message() != null), "each test has a reason: " + why));
    }

    private static void assertStagedWithFullMarks(GradeReport.ExerciseReport e) {
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals("staged", e.verdict().id(), why),
                () -> assertEquals(e.maxScore(), e.score(), why),
                () -> assertTrue(e.verdict().summary().startsWith("Fetch: ") && e.verdict().summary().contains(" Digest: "),
                        "the summary states both stages: " + why),
                () -> assertEquals(2, e.verdict().evidence().size(), why),
                () -> e.verdict().evidence().forEach(ev -> {
                    Evidence.StageEvidence fetch = ev.stage("fetch");
                    Evidence.StageEvidence digest = ev.stage("digest");
                    assertAll(
                            () -> assertEquals(32, fetch.calls(), why),
                            () -> assertEquals(ev.limit(), fetch.peakOverlap(), "requests in flight reach maxInFlight: " + why),
                            () -> assertEquals(32, digest.calls(), why),
                            () -> assertEquals(ev.availableProcessors(), digest.peakOverlap(), "digests reach the cores: " + why),
                            () -> assertEquals(0, digest.threadsOf(grader.probes.ThreadKind.VIRTUAL), why));
                }));
    }
}
