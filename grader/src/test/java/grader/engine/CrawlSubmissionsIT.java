package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import grader.report.GradeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise {@code crawl}, graded by the real engine: each known-wrong submission gets the verdict of
 * its own mistake and no model points, a fixed pool of exactly maxInFlight platform threads a warning
 * with half of them, every right variant and the reference solution full marks, the stub zero.
 */
class CrawlSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("crawl-platform-thread-per-request", "thread-per-task"),
                Arguments.of("crawl-small-pool", "small-pool"),
                Arguments.of("crawl-no-cap", "over-limit"),
                Arguments.of("crawl-parallel-stream", "common-pool"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("crawl-async-semaphore", "async-client"),
                Arguments.of("crawl-completable-future-virtual", "virtual-threads"));
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnVerdictAndNoModelPoints(String name, String verdict) throws Exception {
        GradingFixture.assertKnownWrong(name, "crawl", verdict);
    }

    @Test
    void aFixedPoolOfExactlyTheCapIsWarnedWithHalfTheModelPoints() throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("wrong").resolve("crawl-fixed-pool-of-cap");
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of("crawl"), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals("fixed-pool", e.verdict().id(), why),
                () -> assertEquals("warn", e.verdict().severity(), why),
                () -> assertEquals(e.points().model().max() / 2, e.points().model().earned(), why),
                () -> assertEquals(e.points().functional().max(), e.points().functional().earned(), "its results are right: " + why),
                () -> assertNotNull(e.verdict().hint(), why));
    }

    @ParameterizedTest(name = "{0} is judged {1} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String verdict) throws Exception {
        GradingFixture.assertRight(name, "crawl", verdict);
    }

    @Test
    void referenceSolutionGetsFullMarksWithVirtualThreads() throws Exception {
        GradingFixture.assertReferenceSolution("crawl", "virtual-threads");
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("crawl");
    }
}
