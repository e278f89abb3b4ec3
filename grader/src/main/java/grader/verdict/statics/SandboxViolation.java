package grader.verdict.statics;

import grader.values.Site;


/**
 * One thing the sandbox refused: the rule, what the learner's code did and where.
 *
 * @param rule        the rule's id ({@code no-reflection})
 * @param description what the rule forbids, as a learner reads it ({@code no reflection})
 * @param because     why the grader refuses it
 * @param hint        what to do instead
 * @param what        what the code did ({@code calls Class.forName(String)})
 * @param where       where: the learner's line as a stack trace prints it
 *                    ({@code course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:44)}), or a source file
 *                    of the submission with its line
 * @param site        the same line as a {@link Site}, when it is inside a method; otherwise null
 */
public record SandboxViolation(String rule, String description, String because, String hint, String what, String where,
                               Site site) {

    /** {@return the rule and the violation on one line: {@code no reflection: calls Class.forName(String) at ...}} */
    public String message() {
        return description + ": " + what + " at " + where;
    }
}
