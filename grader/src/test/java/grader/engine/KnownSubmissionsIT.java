package grader.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exercises {@code fetch} and {@code compute}, graded by the real engine: the reference solutions get full marks with
 * their observed models, the stubs zero. Their right and known-wrong submissions are labelled fixtures, graded by
 * {@link LabelledSubmissionsIT}.
 */
class KnownSubmissionsIT {

    @Test
    void referenceSolutionsGetFullMarksWithTheirObservedModels() throws Exception {
        GradingFixture.assertReferenceSolutions(List.of("fetch", "compute"), List.of("fixed-pool", "common-pool"));
    }

    @Test
    void stubsAreGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubsNotImplemented("fetch", "compute");
    }
}
