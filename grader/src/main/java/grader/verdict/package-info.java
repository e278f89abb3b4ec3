/**
 * Exercise specs (read with Jackson), the model rules that turn evidence into a verdict, and points.
 * Entry points: {@link grader.verdict.ExerciseSpec#load}, {@link grader.verdict.ModelRules#judge}.
 */
package grader.verdict;
