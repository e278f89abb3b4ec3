package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exercise {@code lock}, graded by the real engine: an unsafe map is found by the static rules too (without hidden
 * tests), the reference solution gets full marks, the stub zero. Its right and known-wrong ways of sharing the counts
 * are labelled fixtures, graded by {@link LabelledSubmissionsIT} (with the lock counts of the global lock and the
 * right variants).
 */
class LockSubmissionsIT {

    @Test
    void anUnsafeMapIsAlsoFoundStatically() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(GradingFixture.layIn("wrong/lock-unsafe-hash-map"),
                List.of("lock"), false));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals("unsafe-shared-map", e.verdict().id(), why),
                () -> assertTrue(e.statics().stream().anyMatch(f -> f.rule().equals("no-unsafe-map-in-tasks") && !f.passed()), why));
    }

    @Test
    void referenceSolutionGetsFullMarks() throws Exception {
        GradingFixture.assertReferenceSolution("lock", "fixed-pool");
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("lock");
    }
}
