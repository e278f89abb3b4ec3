package grader.verdict.statics;

/**
 * A static rule and what it found.
 *
 * @param rule      the rule's id
 * @param description what the rule checks
 * @param because   why
 * @param passed    whether the submission satisfies it
 * @param violations each offending call in the grader's words, with the learner's line
 *                   ({@code calls Thread.ofVirtual() at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:25)})
 */
public record StaticFinding(String rule, String description, String because, boolean passed, java.util.List<String> violations) {
    public StaticFinding {
        violations = java.util.List.copyOf(violations);
    }
}
