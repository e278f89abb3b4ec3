package grader.report;

import grader.values.ExitRequest;
import grader.verdict.ModelVerdict;
import grader.verdict.TestKind;
import grader.verdict.statics.StaticFinding;
import java.util.List;

/**
 * Everything a grading run decided, computed once; every exporter writes from this and nothing else,
 * so all of them show the same totals.
 *
 * @param schemaVersion bumped on any incompatible change of this shape
 * @param grader        the grader's version
 * @param submission    the graded folder
 * @param gradedAt      when (ISO-8601)
 * @param environment   the test JVM and its limits
 * @param exercises     one entry per graded exercise
 * @param score         the total
 * @param maxScore      the total possible
 * @param graderError   why the grader itself could not grade, or null
 * @param audience      who the report was written for: {@code staff} (everything the engine kept) or {@code learner}
 *                      ({@link Audience#LEARNER}'s policy applied: see {@link Audience})
 */
public record GradeReport(int schemaVersion, String grader, String submission, String gradedAt, Environment environment,
                          List<ExerciseReport> exercises, double score, double maxScore, String graderError, String audience) {
    public static final int SCHEMA_VERSION = 2;

    public GradeReport {
        exercises = List.copyOf(exercises);
        audience = audience == null ? Audience.STAFF.id() : audience;
    }

    /** The report as the engine makes it: everything it kept, for staff ({@link Audience#forLearners} cuts it). */
    public GradeReport(int schemaVersion, String grader, String submission, String gradedAt, Environment environment,
                       List<ExerciseReport> exercises, double score, double maxScore, String graderError) {
        this(schemaVersion, grader, submission, gradedAt, environment, exercises, score, maxScore, graderError, Audience.STAFF.id());
    }

    public boolean fullMarks() {
        return graderError == null && score >= maxScore;
    }

    /**
     * The test JVM.
     *
     * @param jdk              its version
     * @param activeProcessors the processor count it was given
     * @param hiddenTests      whether hidden tests were run
     * @param perTestTimeoutSeconds JUnit's per-test timeout
     * @param watchdogSeconds  the whole JVM's budget
     * @param exitCode         how it ended (null if killed)
     * @param timedOut         whether the watchdog killed it
     * @param exits            System.exit/halt calls by learner code
     * @param output           the learner's stdout and stderr, capped
     * @param outputCut        whether it was cut
     * @param limits           what the learner's code was allowed (time per test, heap, threads, processes, output, network)
     * @param isolation        the layer that contained the test JVM and its processes (namespaces or jvm), or null
     *                         when no test JVM ran
     */
    public record Environment(String jdk, Integer activeProcessors, boolean hiddenTests, long perTestTimeoutSeconds,
                              long watchdogSeconds, Integer exitCode, boolean timedOut, List<ExitRequest> exits,
                              String output, boolean outputCut, grader.values.Limits limits,
                              grader.values.Containment isolation) {
        public Environment {
            exits = exits == null ? List.of() : List.copyOf(exits);
        }

        /** Without an isolation: no test JVM ran. */
        public Environment(String jdk, Integer activeProcessors, boolean hiddenTests, long perTestTimeoutSeconds,
                           long watchdogSeconds, Integer exitCode, boolean timedOut, List<ExitRequest> exits,
                           String output, boolean outputCut, grader.values.Limits limits) {
            this(jdk, activeProcessors, hiddenTests, perTestTimeoutSeconds, watchdogSeconds, exitCode, timedOut, exits,
                    output, outputCut, limits, null);
        }
    }

    /**
     * One exercise.
     *
     * @param id       exercise id
     * @param title    one line
     * @param score    points earned
     * @param maxScore points possible
     * @param points   the parts
     * @param formula  how the score was computed, printed for people
     * @param stages   compile, structure, sandbox, static, tests: each with its status and why
     * @param verdict  the concurrency-model verdict
     * @param statics  static rules and their violations
     * @param tests    every registered test with its result and reason
     */
    public record ExerciseReport(String id, String title, double score, double maxScore, Points points, String formula,
                                 List<Stage> stages, ModelVerdict verdict, List<StaticFinding> statics, List<TestResult> tests) {
        public ExerciseReport {
            stages = List.copyOf(stages);
            statics = List.copyOf(statics);
            tests = List.copyOf(tests);
        }
    }

    public record Points(Part functional, Part model, Part statics) {}

    /** @param basis what the part was computed from ("5 of 6 tests passed") */
    public record Part(double earned, double max, String basis) {}

    /**
     * @param name   which step
     * @param status how it ended
     */
    public record Stage(StageName name, StageStatus status, String message, List<String> details) {
        public Stage {
            details = details == null ? List.of() : List.copyOf(details);
        }
    }

    /**
     * @param kind       which of the exercise's test classes it belongs to
     * @param status     what became of it
     * @param visibility who sees it (visible, hidden, after_due_date, after_published), from the spec
     * @param message    why it did not pass (already cut to what the spec lets learners see)
     * @param trace      the stack trace (likewise)
     * @param durationMillis how long the test ran in the test JVM, in whole milliseconds (its listener's clock, from
     *                   the test's start to its end), or null when it never ended there (not run, skipped, stuck, died)
     * @param site       where in the learner's code it failed (the deepest learner frame of its trace), or null
     */
    public record TestResult(String id, String name, TestKind kind, String className, String method, TestStatus status,
                             String visibility, String message, String trace, Long durationMillis, grader.values.Site site) {

        /** A result with no duration and no site. */
        public TestResult(String id, String name, TestKind kind, String className, String method, TestStatus status,
                          String visibility, String message, String trace) {
            this(id, name, kind, className, method, status, visibility, message, trace, null, null);
        }

        /** {@return the duration in seconds, 0 when unknown: what formats that need a number show} */
        public double seconds() {
            return durationMillis == null ? 0 : durationMillis / 1000.0;
        }

        /** {@return whether the test earned its share of points} */
        public boolean passed() {
            return status == TestStatus.PASSED;
        }
    }
}
