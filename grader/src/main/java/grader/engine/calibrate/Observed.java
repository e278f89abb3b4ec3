package grader.engine.calibrate;

import grader.engine.calibrate.Expected.Share;
import grader.values.Site;
import grader.report.GradeReport;
import java.util.List;

/**
 * What the grader said about one labelled submission, as far as calibration compares it.
 *
 * @param model            the observed model, or null when none was seen
 * @param flaws            the flaws the report names
 * @param modelPoints      the share of the model points earned
 * @param functionalPoints the share of the functional points earned
 * @param staticsPoints    the share of the static-check points earned
 * @param sentence         the verdict's words, as the learner reads them
 * @param hint             the verdict's hint, or null
 * @param site             the learner's line behind the verdict, or null
 */
record Observed(String model, List<String> flaws, Share modelPoints, Share functionalPoints,
                       Share staticsPoints, String sentence, String hint, Site site) {
    public Observed {
        flaws = List.copyOf(flaws);
    }

    /**
     * The one adapter from a report to what calibration compares: report.json schema 2 names the model that ran
     * ({@code verdict.model}, null when none was seen) and every flaw found on it ({@code verdict.flaws}), so both
     * are compared whole.
     */
    static Observed of(GradeReport.ExerciseReport e) {
        GradeReport.Points p = e.points();
        return new Observed(e.verdict().modelId(), e.verdict().flawIds(),
                Share.of(p.model().earned(), p.model().max()), Share.of(p.functional().earned(), p.functional().max()),
                Share.of(p.statics().earned(), p.statics().max()), e.verdict().summary(), e.verdict().hint(), e.verdict().site());
    }

    /** {@return the verdict as one label, for the confusion table} */
    public String label() {
        return Expected.label(model, flaws);
    }
}
