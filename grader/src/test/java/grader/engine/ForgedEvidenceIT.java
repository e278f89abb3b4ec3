package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.report.StageName;
import grader.report.StageStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Evidence can't be forged: learner code that reaches the agent's bootstrap classes (they are public, as JDK classes
 * must call them) and calls an event method itself records nothing; nor does a call of the grader's recorder. This
 * fixture took them off the stack in a Thread subclass's hashCode, which the grader's bookkeeping used to call while
 * it recorded the thread's start. Three defences now stand in its way, the first enough: the static stage refuses the
 * class references it needs ({@code StackWalker} with {@code RETAIN_CLASS_REFERENCE}, {@code getDeclaringClass}, a
 * {@code Lookup}); the bookkeeping keys threads by identity and never calls the learner's hashCode
 * ({@code EpisodeThreadStartsTest}); and the event methods and the recorder record only for the agent's own call sites
 * ({@code EpisodeThreadStartsTest}, {@code theLearnersOwnCallOfTheRecorderRecordsNothing}). Before the run-time defence
 * the same fixture was judged {@code thread-per-task} (the right model) with 14.14/15.
 */
class ForgedEvidenceIT {

    @Test
    void aJoinForgedThroughTheBootstrapEventMethodIsNotCounted() throws Exception {
        GradingFixture.Labelled graded = HostileSubmissionsIT.grade("threads-forges-a-join", Duration.ofSeconds(60));
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        String sandbox = SandboxIT.stage(e, StageName.SANDBOX).details().toString();
        assertAll(
                () -> assertNull(report.graderError(), why),
                () -> assertEquals(StageStatus.FAILED, SandboxIT.stage(e, StageName.SANDBOX).status(), "the attack is refused before it runs: " + why),
                () -> assertTrue(sandbox.contains("uses StackWalker.Option.RETAIN_CLASS_REFERENCE at course.threads.Downloader$Snooper.hashCode"),
                        "the class taken off the stack is refused where the learner's code asks for it: " + sandbox),
                graded.asLabelled(),
                () -> assertEquals(0.0, e.points().model().earned(), "no forged join earns model points: " + why));
    }
}
