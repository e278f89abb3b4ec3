package grader.engine;

import org.junit.jupiter.api.Test;

/**
 * Exercise {@code crawl}, graded by the real engine: the reference solution gets full marks with virtual threads, the
 * stub zero. Its right and known-wrong submissions are labelled fixtures, graded by {@link LabelledSubmissionsIT}.
 */
class CrawlSubmissionsIT {

    @Test
    void referenceSolutionGetsFullMarksWithVirtualThreads() throws Exception {
        GradingFixture.assertReferenceSolution("crawl", "virtual-threads");
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("crawl");
    }
}
