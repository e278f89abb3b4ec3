/**
 * One grading run: compile, structure, sandbox, static rules, one test JVM, verdicts,
 * points, one {@link grader.report.GradeReport}. Entry point: {@link grader.engine.Grader#grade}.
 */
package grader.engine;
