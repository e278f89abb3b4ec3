package grader.verdict;

import grader.values.Site;
import java.util.List;

/**
 * The early rules of the rule book: verdicts given before any evidence, when the learner's code could not be run
 * (nothing submitted, a compile error, the wrong members, code the sandbox refuses) or the grader itself failed.
 * Each names a flaw and no model, and earns no model points. The engine decides which stage failed; these decide what
 * that means for the verdict.
 */
public final class EarlyVerdicts {
    private EarlyVerdicts() {}

    /** The exercise's folder holds no Java sources. */
    public static ModelVerdict notSubmitted(String summary, String why, String hint) {
        return early(VerdictId.NOT_SUBMITTED, summary, why, hint, null);
    }

    /** The code does not compile; {@code firstError} is the compiler's first message. */
    public static ModelVerdict compileError(String firstError) {
        return early(VerdictId.COMPILE_ERROR, "Your code does not compile: " + firstError,
                "The grader can only run code that compiles.", "Fix the first error, then run the grader again.", null);
    }

    /** The classes do not declare the exercise's members; {@code firstProblem} names the first one. */
    public static ModelVerdict structureMismatch(String firstProblem) {
        return early(VerdictId.STRUCTURE_MISMATCH, "Your classes do not match the exercise: " + firstProblem,
                "Hidden tests call the exact signatures of the exercise, so they cannot run against other ones.",
                "Keep the class and method declarations exactly as the stub in exercises/ has them.", null);
    }

    /** The sandbox refused the code before any of it ran. */
    public static ModelVerdict refused(String firstMessage, int more, String because, String hint, Site site) {
        return early(VerdictId.REFUSED, "Refused before running: " + firstMessage
                        + (more > 0 ? " (and " + more + " more, listed in the sandbox stage)" : "") + ".",
                "The grader runs code it cannot trust, so it runs none that reaches outside the exercise: " + because + ".",
                hint, site);
    }

    /** The grader could not grade: its fault, never the learner's. */
    public static ModelVerdict graderError(String what) {
        return early(VerdictId.GRADER_ERROR, what, "This is the grader's fault, not yours.",
                "Tell your course staff; the report has the details.", null);
    }

    private static ModelVerdict early(VerdictId id, String summary, String why, String hint, Site site) {
        return new ModelVerdict(null, List.of(new ModelVerdict.Flaw(id, summary, null, site)), Severity.FAIL.id(), 0,
                summary, why, hint, site, List.of());
    }
}
