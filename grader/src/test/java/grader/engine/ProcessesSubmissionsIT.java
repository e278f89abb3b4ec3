package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code processes} exercise graded by the real engine: each known-wrong runner gets its own verdict and no
 * model points, each right variant and the reference solution full marks, the stub zero. Runners that never
 * return (no kill, pipe deadlock) are diagnosed from what was alive and where the caller waited, and their
 * children are killed; no verdict depends on the clock.
 */
class ProcessesSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("processes-unbounded", "unbounded-processes"),
                Arguments.of("processes-no-kill", "no-kill"),
                Arguments.of("processes-pipe-deadlock", "pipe-deadlock"),
                Arguments.of("processes-leaked-children", "leaked-processes"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("processes-semaphore-virtual"),
                Arguments.of("processes-on-exit"));
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @MethodSource("wrong")
    void knownWrongRunnerGetsItsOwnVerdictAndNoModelPoints(String name, String verdict) throws Exception {
        GradingFixture.assertKnownWrong(name, "processes", verdict);
    }

    /**
     * Running a job's main in the test JVM needs reflection (the class name is data), which the sandbox refuses
     * before anything runs: the job's System.exit never gets to end the grader's JVM.
     */
    @Test
    void inProcessRunnerIsRefusedBeforeAnyJobRuns() throws Exception {
        Path folder = GradingFixture.SUBMISSIONS.resolve("wrong").resolve("processes-in-process");
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(folder, List.of("processes"), true));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals("refused", e.verdict().id(), why),
                () -> assertTrue(e.verdict().summary().contains("reflection"), why),
                () -> assertEquals(0.0, e.score(), why),
                () -> assertTrue(e.tests().stream().noneMatch(t -> "passed".equals(t.status())), why));
    }

    @ParameterizedTest(name = "{0} gets full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name) throws Exception {
        GradingFixture.assertRight(name, "processes", "processes");
    }

    @Test
    void referenceSolutionGetsFullMarks() throws Exception {
        GradingFixture.assertReferenceSolution("processes", "processes");
    }

    @Test
    void stubIsGradedToZeroAsNotImplementedWithoutACrash() throws Exception {
        GradingFixture.assertStubNotImplemented("processes");
    }
}
