package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise {@code lock}, graded by the real engine: each known-wrong way of sharing the counts gets its own verdict
 * and no model points, from counts the agent and the probing input record (locks taken, who waited for them, map
 * updates by kind of map and by thread), never from the clock; the right variants and the reference solution get
 * full marks; the stub gets zero without a crash.
 */
class LockSubmissionsIT {

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("lock-global-lock", "global-lock"),
                Arguments.of("lock-reentrant-lock", "global-lock"),
                Arguments.of("lock-synchronized-map", "synchronized-map"),
                Arguments.of("lock-unsafe-hash-map", "unsafe-shared-map"),
                Arguments.of("lock-sequential", "sequential"));
    }

    static Stream<Arguments> right() {
        return Stream.of(
                Arguments.of("lock-concurrent-merge", "fixed-pool"),
                Arguments.of("lock-long-adder", "fixed-pool"),
                Arguments.of("lock-grouping-concurrent", "fork-join-pool"));
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @MethodSource("wrong")
    void knownWrongSubmissionGetsItsOwnVerdictAndNoModelPoints(String name, String verdict) throws Exception {
        GradingFixture.assertKnownWrong(name, "lock", verdict,
                (e, why) -> assertNotNull(e.verdict().site(), "the verdict names the learner's line: " + why));
    }

    @Test
    void aLockAroundEveryUpdateShowsTheWorkersWaitingForIt() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(
                GradingFixture.SUBMISSIONS.resolve("wrong/lock-global-lock"), List.of("lock"), true));
        String why = GradingFixture.explain(e);
        var evidence = e.verdict().evidence().get(0);
        assertAll(
                () -> assertEquals("global-lock", e.verdict().id(), why),
                () -> assertEquals(evidence.counter("words"), evidence.counter("shared-lock-acquisitions"), "one lock per update: " + why),
                () -> assertTrue(evidence.counter("workers-blocked-on-lock") >= 1, "a worker waited for the lock: " + why),
                () -> assertTrue(e.verdict().summary().contains("BLOCKED"), why),
                () -> assertTrue(e.verdict().site().toString().contains("WordCounter.java"), why));
    }

    @Test
    void anUnsafeMapIsAlsoFoundStatically() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(
                GradingFixture.SUBMISSIONS.resolve("wrong/lock-unsafe-hash-map"), List.of("lock"), false));
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertEquals("unsafe-shared-map", e.verdict().id(), why),
                () -> assertTrue(e.statics().stream().anyMatch(f -> f.rule().equals("no-unsafe-map-in-tasks") && !f.passed()), why));
    }

    @ParameterizedTest(name = "{0} is judged {1} with full marks")
    @MethodSource("right")
    void rightVariantGetsFullMarks(String name, String verdict) throws Exception {
        GradingFixture.assertRight(name, "lock", verdict,
                (e, why) -> assertEquals(0L, e.verdict().evidence().get(0).counter("workers-blocked-on-lock"), "no worker waits: " + why));
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
