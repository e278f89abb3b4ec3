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
            // Before no-evidence: evidence is missing because the calls never returned, and that is what to say.
            Rule.flaw(VerdictId.CALL_NOT_RETURNED, "no model check produced evidence because its call never returned:"
                            + " the test ran out of time and ignored the grader's interrupt, so its JVM was stopped",
                    Words.NOT_RETURNED, Words.RETURN_BY_ITSELF, (f, s) -> f.stage() == VerdictId.CALL_NOT_RETURNED,
                    (f, s) -> "Your method did not return by itself: " + f.detail() + ". With no call that finished,"
                            + " the grader has no evidence of a model, and gives no model points.",
                    Failure::site),
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

    /** {@return whether the verdict says the grader could not grade (its fault): exporters show it as an error} */
    public static boolean isGraderError(ModelVerdict v) {
        return v.flaws().stream().anyMatch(f -> f.id() == VerdictId.GRADER_ERROR);
    }

    /** No model check produced evidence. */
    static ModelVerdict noEvidence() {
        return judge(new Failure(VerdictId.NO_EVIDENCE, null), null);
    }

    /** No model check produced evidence because each one's call never returned (it ignored the grader's interrupt). */
    static ModelVerdict notReturned(List<Observation.Unreturned> unreturned) {
        String checks = unreturned.stream().map(u -> "\"" + u.check() + "\"").distinct()
                .collect(java.util.stream.Collectors.joining(" and "));
        String detail = (unreturned.size() == 1 ? "the model check " : "the model checks ") + checks
                + " ran out of time and did not stop when the grader interrupted " + (unreturned.size() == 1 ? "it" : "them");
        return judge(new Failure(VerdictId.CALL_NOT_RETURNED, detail, 0, null, null, unreturned.get(0).site()), null);
    }

    private static ModelVerdict judge(Failure failure, ExerciseSpec spec) {
        Judged j = EARLY.judge(failure, spec).orElseThrow();
        String why = j.rule().because().in(spec).replace("{reason}", String.valueOf(failure.reason()));
        String hint = failure.hint() != null ? failure.hint() : j.rule().hint().in(spec);
        return new ModelVerdict(null, List.of(new ModelVerdict.Flaw(j.id(), j.summary(), null, j.site())), Severity.FAIL, 0,
                j.summary(), why, hint, j.site(), List.of());
    }
}
