package grader.engine;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The threads exercise graded by the real engine: each known mistake with the Thread API gets its own verdict id
 * and no model points, each right variant full marks, the reference solution full marks and the stub zero. The
 * verdicts come from counts (calls in progress together, starts by the Thread API or an executor, the caller's
 * sleeps and joins, calls through Thread.run, threads alive at return), never from the clock.
 */
class ThreadsSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("threads-sequential", "sequential"),
                Arguments.of("threads-join-in-loop", "serialized"),
                Arguments.of("threads-not-joined", "not-joined"),
                Arguments.of("threads-run-not-start", "run-not-start"),
                Arguments.of("threads-sleep-polling", "polling"),
                Arguments.of("threads-busy-wait", "polling"),
                Arguments.of("threads-executor", "executor"),
                Arguments.of("threads-fixed-pool", "executor"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("threads-virtual", "virtual-threads"),
                Arguments.of("threads-platform-builder", "thread-per-task"),
                Arguments.of("threads-start-virtual-thread", "virtual-threads"));
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnVerdictAndNoModelPoints(String name, String verdict) throws Exception {
        GradingFixture.assertKnownWrong(name, "threads", verdict);
    }

    @ParameterizedTest(name = "{0} is judged {1} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String verdict) throws Exception {
        GradingFixture.assertRight(name, "threads", verdict);
    }

    @Test
    void referenceSolutionGetsFullMarksAsAPlatformThreadPerUrl() throws Exception {
        GradingFixture.assertReferenceSolution("threads", "thread-per-task");
    }

    @Test
    void theStubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("threads");
    }
}
