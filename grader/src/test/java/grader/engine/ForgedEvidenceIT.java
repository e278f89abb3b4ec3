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
 * must call them) and calls an event method itself records nothing; nor does a call of the grader's recorder. The
 * classes are not found by name from learner code; taken off the stack (a Thread subclass's hashCode runs while the
 * grader records the thread's start), they are reached, and the calls return normally, but record nothing. The fixture passes the sandbox stage (it names no refused class or method), so only the run-time
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
                () -> assertTrue(out.contains("no join forged through grader.agent.boot.Events found by name: "
                        + "java.lang.TypeNotPresentException: Type grader.agent.boot.Events not present"), "refused by name: " + out),
                () -> assertTrue(out.contains("no join forged through grader.probes.Recorder found by name: "
                        + "java.lang.TypeNotPresentException: Type grader.probes.Recorder not present"), "refused by name: " + out),
                () -> assertTrue(out.contains("forged a join through grader.agent.boot.Events taken off the stack"),
                        "the call reached the boot class's event method and returned normally: " + out),
                () -> assertTrue(out.contains("forged a join through grader.probes.Recorder taken off the stack"),
                        "the call reached the recorder and returned normally: " + out),
                () -> assertEquals("polling", e.verdict().id(), "the caller spun and never joined: " + why));
    }
}
