package grader.engine;

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
        GradingFixture.assertKnownWrong(name, exercise, verdict);
    }

    @ParameterizedTest(name = "{0} is judged {2} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String exercise, String verdict) throws Exception {
        GradingFixture.assertRight(name, exercise, verdict);
    }

    @Test
    void referenceSolutionsGetFullMarksWithTheirObservedModels() throws Exception {
        GradingFixture.assertReferenceSolutions(List.of("fetch", "compute"), List.of("fixed-pool", "common-pool"));
    }

    @Test
    void stubsAreGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubsNotImplemented("fetch", "compute");
    }
}
