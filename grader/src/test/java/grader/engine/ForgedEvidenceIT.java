package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evidence can't be forged: learner code that reaches the agent's bootstrap classes (they are public, as JDK classes
 * must call them) and calls an event method itself records nothing, and the grader's recorder (on the class path) is
 * not found by name. The fixture passes the sandbox stage (it names no refused class or method), so only the run-time
 * defence stands between it and a forged verdict. Before the defence, the same fixture was judged
 * {@code thread-per-task} (the right model) with 14.14/15.
 */
class ForgedEvidenceIT {

    @Test
    void aJoinForgedThroughTheBootstrapEventMethodIsNotCounted() throws Exception {
        GradeReport report = GradingFixture.grade(HostileSubmissionsIT.HOSTILE.resolve("threads-forges-a-join"),
                List.of("threads"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        String out = report.environment().output();
        assertAll(
                () -> assertNull(report.graderError(), why),
                () -> assertEquals("ok", SandboxIT.stage(e, "sandbox").status(), "the attack passes the static stage: " + why),
                () -> assertTrue(out.contains("forged a join through grader/agent/boot/Events"),
                        "the call reached the event method and returned normally: " + out),
                () -> assertTrue(out.contains("no join forged through grader/probes/Recorder: java.lang.TypeNotPresentException:"
                        + " Type grader.probes.Recorder not present"), "the grader's recorder is not found by name: " + out),
                () -> assertEquals("polling", e.verdict().id(), "the caller spun and never joined: " + why));
    }
}
