package grader.engine;

import org.junit.jupiter.api.Test;

/**
 * The {@code processes} exercise graded by the real engine: the reference solution gets full marks, the stub zero. Its
 * right and known-wrong runners (those that never return are diagnosed from what was alive and where the caller
 * waited, and their children killed) are labelled fixtures, graded by {@link LabelledSubmissionsIT}.
 */
class ProcessesSubmissionsIT {

    @Test
    void referenceSolutionGetsFullMarks() throws Exception {
        GradingFixture.assertReferenceSolution("processes", "processes");
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("processes");
    }
}
