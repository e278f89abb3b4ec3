package grader.verdict;

import grader.values.Site;
import java.util.List;

/**
 * The early rules of the rule book: verdicts given before any evidence, when the learner's code could not be run
 * (nothing submitted, a compile error, the wrong members, code the sandbox refuses), the grader itself failed, or no
 * model check produced evidence. Each names a flaw and no model, and earns no model points. The engine decides which
 * stage failed; these decide what that means for the verdict.
 */
public final class EarlyVerdicts {
    private EarlyVerdicts() {}

    /**
     * What the early rules read: which stage failed (the id of its rule) and what the engine knows about it.
     *
     * @param stage  the early verdict the failed stage gives
     * @param detail what failed: the compiler's first message, the first missing member, where sources were looked for
     * @param more   how many more problems the stage found
     * @param reason why the sandbox refuses it (its own rule's because), or null
     * @param hint   the sandbox rule's own hint, which says more than the early rule's; or null
     * @param site   the learner's line, if known
     */
    record Failure(VerdictId stage, String detail, int more, String reason, String hint, Site site) {
        Failure(VerdictId stage, String detail) {
            this(stage, detail, 0, null, null, null);
        }
    }

    static final List<Rule<Failure>> EARLY_RULES = List.of(
            early(VerdictId.NOT_SUBMITTED, "no sources for the exercise",
                    "The grader looks for the exercise's classes under src/main/java/{package}/.",
                    "Put {files} there, as in exercises/.",
                    (f, s) -> "No Java sources for " + s.id() + " in " + f.detail() + "."),
            early(VerdictId.COMPILE_ERROR, "the code does not compile",
                    "The grader can only run code that compiles.", "Fix the first error, then run the grader again.",
                    (f, s) -> "Your code does not compile: " + f.detail()),
            early(VerdictId.STRUCTURE_MISMATCH, "a required member is missing or differs",
                    "Hidden tests call the exact signatures of the exercise, so they cannot run against other ones.",
                    "Keep the class and method declarations exactly as the stub in exercises/ has them.",
                    (f, s) -> "Your classes do not match the exercise: " + f.detail()),
            // The sandbox rule that refused says why ({reason}) and what to do instead: its hint replaces this one.
            early(VerdictId.REFUSED, "the sandbox refused it before anything ran (see [Refused before running](#refused-before-running))",
                    "The grader runs code it cannot trust, so it runs none that reaches outside the exercise: {reason}.",
                    "Remove what the sandbox stage lists: the exercise needs none of it.",
                    (f, s) -> "Refused before running: " + f.detail()
                            + (f.more() > 0 ? " (and " + f.more() + " more, listed in the sandbox stage)" : "") + "."),
            early(VerdictId.GRADER_ERROR, "the grader failed", "This is the grader's fault, not yours.",
                    "Tell your course staff; the report has the details.",
                    (f, s) -> f.detail()),
            early(VerdictId.NO_EVIDENCE, "no model check produced evidence",
                    "The grader decides the model only from what it observes.",
                    "See the test results above for why the checks did not run.",
                    (f, s) -> "No model check produced evidence (did the tests run?)."));

    /** The early rules: the engine names the stage that failed, and its rule words the verdict. */
    static final Concern<Failure> EARLY = new Concern<>("early",
            "Before any evidence, in the order the engine's stages run (sources, compile, structure, sandbox); a grader"
                    + " error and missing evidence come after the run. The engine names one stage: no two rules apply.",
            (f, s) -> true, EARLY_RULES, (f, s, r) -> null, f -> null);

    private static Rule<Failure> early(VerdictId id, String description, String because, String hint,
                                       java.util.function.BiFunction<Failure, ExerciseSpec, String> sentence) {
        return Rule.flaw(id, description, Words.of(because), Words.of(hint), (f, s) -> f.stage() == id, sentence, Failure::site);
    }

    /** No Java sources for the exercise; {@code where} is the folder they were looked for in. */
    public static ModelVerdict notSubmitted(ExerciseSpec spec, String where) {
        return judge(new Failure(VerdictId.NOT_SUBMITTED, where), spec);
    }

    /** The code does not compile; {@code firstError} is the compiler's first message. */
    public static ModelVerdict compileError(String firstError) {
        return judge(new Failure(VerdictId.COMPILE_ERROR, firstError), null);
    }

    /** The classes do not declare the exercise's members; {@code firstProblem} names the first one. */
    public static ModelVerdict structureMismatch(String firstProblem) {
        return judge(new Failure(VerdictId.STRUCTURE_MISMATCH, firstProblem), null);
    }

    /** The sandbox refused the code before any of it ran. */
    public static ModelVerdict refused(String firstMessage, int more, String because, String hint, Site site) {
        return judge(new Failure(VerdictId.REFUSED, firstMessage, more, because, hint, site), null);
    }

    /** The grader could not grade: its fault, never the learner's. */
    public static ModelVerdict graderError(String what) {
        return judge(new Failure(VerdictId.GRADER_ERROR, what), null);
    }

    /** No model check produced evidence. */
    static ModelVerdict noEvidence() {
        return judge(new Failure(VerdictId.NO_EVIDENCE, null), null);
    }

    private static ModelVerdict judge(Failure failure, ExerciseSpec spec) {
        Judged j = EARLY.judge(failure, spec).orElseThrow();
        String why = j.rule().because().in(spec).replace("{reason}", String.valueOf(failure.reason()));
        String hint = failure.hint() != null ? failure.hint() : j.rule().hint().in(spec);
        return new ModelVerdict(null, List.of(new ModelVerdict.Flaw(j.id(), j.summary(), null, j.site())), Severity.FAIL.id(), 0,
                j.summary(), why, hint, j.site(), List.of());
    }
}
