package grader.engine;

import org.junit.jupiter.api.Test;

/**
 * The threads exercise graded by the real engine: the reference solution gets full marks, the stub zero. Its right
 * and known-wrong submissions (each known mistake with the Thread API) are labelled fixtures, graded by
 * {@link LabelledSubmissionsIT}.
 */
class ThreadsSubmissionsIT {

    @Test
    void referenceSolutionGetsFullMarksAsAPlatformThreadPerUrl() throws Exception {
        GradingFixture.assertReferenceSolution("threads", "thread-per-task");
    }

    @Test
    void theStubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("threads");
    }
}
