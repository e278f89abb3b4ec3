package grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of mistake issue 11 found graded wrong (full marks, or a flaw name that said the wrong thing), each as a
 * known submission graded by the real engine: its flaw heads the verdict, on the model the evidence shows, and it
 * earns no model points. Decided from counts and sizes, so it holds on a loaded 2-core machine.
 */
class RuleBookSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                // class 1: CPU work on fewer platform threads than the cores
                Arguments.of("compute-two-halves", "compute", "fixed-pool", "too-few-threads"),
                Arguments.of("pipeline-digest-two-threads", "pipeline", "staged", "digest-too-few-threads"),
                // class 4: the caller does part of the work; a pool that can never grow
                Arguments.of("fetch-caller-does-work", "fetch", "fixed-pool", "caller-does-work"),
                Arguments.of("fetch-pool-never-grows", "fetch", "fixed-pool", "pool-never-grows"),
                // class 6: flaw names that say what the size follows
                Arguments.of("fetch-pool-max-workers-plus-3", "fetch", "fixed-pool", "pool-size-off-limit"),
                Arguments.of("compute-pool-twice-cores", "compute", "fixed-pool", "pool-size-off-cores"),
                Arguments.of("pipeline-digest-pool-too-large", "pipeline", "staged", "digest-pool-too-large"));
    }

    @ParameterizedTest(name = "{0} is {2} with the flaw {3}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnFlawOnTheModelItRan(String name, String exercise, String model, String flaw) throws Exception {
        GradingFixture.assertKnownWrong(name, exercise, flaw,
                (e, why) -> assertEquals(model, e.verdict().modelId(), why));
    }

    @ParameterizedTest(name = "{0} is judged {2} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String exercise, String verdict) throws Exception {
        GradingFixture.assertRight(name, exercise, verdict);
    }

    static Stream<Arguments> right() {
        return Stream.of(
                // class 1's right twin: as many platform threads as cores, started and joined by hand
                Arguments.of("compute-platform-threads-per-core", "compute", "fixed-pool"));
    }
}
