/**
 * Calibration: grading labelled submissions and comparing what the grader said with what a teacher expects. A
 * labelled submission is a folder with an {@code expected.json} ({@link grader.engine.calibrate.Expected}) and the
 * learner's fragments, laid into the shipped stubs when it is graded ({@link grader.engine.calibrate.LayIn}).
 * {@link grader.engine.calibrate.Calibration} grades a folder of them; {@link grader.engine.calibrate.ConfusionTable}
 * prints expected against got, per exercise.
 */
package grader.engine.calibrate;
