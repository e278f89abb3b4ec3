package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.values.Evidence;
import org.junit.jupiter.api.Test;

/**
 * The pipeline exercise graded by the real engine: the reference solution is staged with full marks and both stages'
 * numbers, the stub zero. Its right and known-wrong submissions are labelled fixtures, graded by
 * {@link LabelledSubmissionsIT} (the right ones with {@link #assertBothStages}). The verdicts come from per-stage
 * counts, overlaps and thread kinds, so they hold on a loaded machine.
 */
class PipelineSubmissionsIT {

    @Test
    void referenceSolutionIsStagedWithFullMarks() throws Exception {
        GradingFixture.assertReferenceSolution("pipeline", "staged", PipelineSubmissionsIT::assertBothStages);
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("pipeline");
    }

    /** The staged verdict's summary and evidence state both stages' numbers; the helper it is passed to asserts the verdict and full marks. */
    static void assertBothStages(GradeReport.ExerciseReport e, String why) {
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
