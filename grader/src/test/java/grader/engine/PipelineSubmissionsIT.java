package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.values.Evidence;
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
        GradingFixture.assertKnownWrong(name, "pipeline", verdict,
                (e, why) -> assertEquals(e.points().functional().max(), e.points().functional().earned(), "the results are right: " + why));
    }

    @ParameterizedTest(name = "{0} is staged with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name) throws Exception {
        GradingFixture.assertRight(name, "pipeline", "staged", PipelineSubmissionsIT::assertBothStages);
    }

    @Test
    void referenceSolutionIsStagedWithFullMarks() throws Exception {
        GradingFixture.assertReferenceSolution("pipeline", "staged", PipelineSubmissionsIT::assertBothStages);
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("pipeline");
    }

    /** The staged verdict's summary and evidence state both stages' numbers; the helper it is passed to asserts the verdict and full marks. */
    private static void assertBothStages(GradeReport.ExerciseReport e, String why) {
        assertAll(
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
                            () -> assertEquals(0, digest.threadsOf(grader.values.ThreadKind.VIRTUAL), why));
                }));
    }
}
