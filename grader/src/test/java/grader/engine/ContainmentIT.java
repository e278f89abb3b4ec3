package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grader.report.GradeReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the learner's code starts lives and dies inside the grading, in both layers (--isolation namespaces and jvm),
 * and the learner's code can't stop the grader. A child left running is looked for among every process on the machine
 * (one re-parented to PID 1 included), not only among the grader's descendants.
 *
 * <p>Where bubblewrap can't start a sandbox, the namespaces cases are skipped with the reason, unless
 * {@value #REQUIRED} is set (CI sets it): then they fail.
 */
class ContainmentIT {
    static final String REQUIRED = "GRADER_REQUIRE_NAMESPACES";

    /** What a test found alive, ended after it whatever it asserted, so a failure leaves nothing running. */
    private final List<ProcessHandle> found = new ArrayList<>();

    @AfterEach
    void endWhatWasFound() {
        found.forEach(ProcessHandle::destroyForcibly);
    }

    /** Lays {@code submissions/hostile/<fixture>} into the stubs and grades it in {@code isolation}. */
    static GradingFixture.Labelled grade(String fixture, String isolation) throws Exception {
        if ("namespaces".equals(isolation)) {
            String why = Grader.isolationProblem("namespaces");
            if (why != null && System.getenv(REQUIRED) != null) {
                fail(REQUIRED + " is set, and " + why);
            }
            Assumptions.assumeTrue(why == null, why);
        }
        GradingFixture.Labelled graded = GradingFixture.gradeLabelled("hostile/" + fixture, new Grader(GraderHome.locate()).isolated(isolation),
                Duration.ofSeconds(60), Duration.ofSeconds(300));
        GradeReport report = graded.report();
        assertNotNull(report.environment().isolation(), "the report says which layer was in force");
        assertEquals(isolation, report.environment().isolation().layer(), report.environment().isolation().toString());
        return graded;
    }

    /** Every process on the machine running exactly {@code command}, started at or after {@code since}. */
    private List<String> alive(List<String> command, Instant since) {
        List<String> left = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(p -> {
            ProcessHandle.Info info = p.info();
            boolean same = info.command().map(c -> c.endsWith("/" + command.get(0))).orElse(false)
                    && info.arguments().map(a -> List.of(a).equals(command.subList(1, command.size()))).orElse(false);
            boolean recent = info.startInstant().map(s -> !s.isBefore(since.minusSeconds(1))).orElse(true);
            if (same && recent) {
                found.add(p);
                left.add(p.pid() + " (parent " + p.parent().map(ProcessHandle::pid).map(String::valueOf).orElse("none") + ")");
            }
        });
        return left;
    }

    @ParameterizedTest(name = "--isolation {0}")
    @ValueSource(strings = {"namespaces", "jvm"})
    void aChildLeftRunningEndsWithTheGradingEvenOnceItsParentIsGone(String isolation) throws Exception {
        Instant since = Instant.now();
        GradingFixture.Labelled graded = grade("compute-sleep-900-on-empty-input", isolation);
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        List<String> left = alive(List.of("sleep", "900"), since);
        assertAll(
                () -> assertNull(report.graderError(), GradingFixture.explain(e)),
                graded.asLabelled(),
                () -> assertTrue(e.tests().stream().allMatch(GradeReport.TestResult::passed), "a right answer otherwise: " + GradingFixture.explain(e)),
                () -> assertTrue(left.isEmpty(), "sleep 900 still alive after the grading: " + left));
    }

    @ParameterizedTest(name = "--isolation {0}")
    @ValueSource(strings = {"namespaces", "jvm"})
    void killingTheParentIsRefusedAndNamedAndTheReportIsComplete(String isolation) throws Exception {
        HostileSubmissionsIT.onlyTheAttackedTestsFail(grade("compute-kills-its-parent-on-empty-input", isolation),
                m -> m.contains("refused by the grader: the learner's code may stop only the processes it started"));
    }

    @Test
    void aSetsidDoubleForkEndsWithTheSandbox() throws Exception {
        Instant since = Instant.now();
        GradingFixture.Labelled graded = grade("compute-setsid-double-fork-on-empty-input", "namespaces");
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        List<String> left = alive(List.of("sleep", "902"), since);
        assertAll(
                () -> assertNull(report.graderError(), GradingFixture.explain(e)),
                graded.asLabelled(),
                () -> assertTrue(e.tests().stream().allMatch(GradeReport.TestResult::passed), "a right answer otherwise: " + GradingFixture.explain(e)),
                () -> assertTrue(left.isEmpty(), "setsid sleep 902 still alive after the grading: " + left));
    }
}
