/**
 * The canonical result of a grading run ({@link grader.report.GradeReport}), computed once, and the
 * writers that export it: our versioned JSON report and the console summary.
 */
package grader.report;
