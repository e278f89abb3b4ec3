/**
 * The canonical result of a grading run ({@link grader.report.GradeReport}), computed once, and the
 * exporters that write it ({@link grader.report.Exporters}: our JSON report, Gradescope, GitHub Classroom,
 * JUnit XML, Markdown, HTML), the console summary and a class's {@link grader.report.Gradebook}.
 */
package grader.report;
