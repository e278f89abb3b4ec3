/**
 * Exercise specs (read with Jackson), the rule book that turns evidence into a verdict (one ordered list of declared
 * rules per concern, indexed by {@link grader.verdict.RuleBook}), and points.
 * Entry points: {@link grader.verdict.ExerciseSpec#load}, {@link grader.verdict.ModelRules#judge}.
 */
package grader.verdict;
