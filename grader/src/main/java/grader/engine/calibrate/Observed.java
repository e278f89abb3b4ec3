package grader.engine.calibrate;

import grader.engine.calibrate.Expected.Share;
import grader.values.Site;
import grader.report.GradeReport;
import java.util.List;
import java.util.Set;

/**
 * What the grader said about one labelled submission, as far as calibration compares it.
 *
 * @param model            the observed model, or null when the report does not say (see {@link #of})
 * @param flaws            the flaws the report names
 * @param flawsComplete    whether {@code flaws} is every flaw found, or only the one the report's single id names
 * @param modelPoints      the share of the model points earned
 * @param functionalPoints the share of the functional points earned
 * @param staticsPoints    the share of the static-check points earned
 * @param sentence         the verdict's words, as the learner reads them
 * @param hint             the verdict's hint, or null
 * @param site             the learner's line behind the verdict, or null
 */
record Observed(String model, List<String> flaws, boolean flawsComplete, Share modelPoints, Share functionalPoints,
                       Share staticsPoints, String sentence, String hint, Site site) {
    /**
     * Today's model ids: report.json schema 1 names a model or a flaw in one field, and these are the models
     * (the concurrency-model vocabulary, an executor where the threads exercise wants the Thread API, and the
     * pipeline's two stages each on their right model).
     */
    static final Set<String> MODEL_IDS = Set.of("sequential", "serialized", "thread-per-task", "fixed-pool", "common-pool",
            "fork-join-pool", "virtual-threads", "async-client", "processes", "executor", "staged");

    public Observed {
        flaws = List.copyOf(flaws);
    }

    /**
     * The one adapter from a report to what calibration compares. Report schema 1 has one verdict id per exercise: a
     * model id is the model with no flaw; any other id is the first flaw, and the model is then not in the report.
     */
    static Observed of(GradeReport.ExerciseReport e) {
        String id = e.verdict().id();
        boolean isModel = MODEL_IDS.contains(id);
        GradeReport.Points p = e.points();
        return new Observed(isModel ? id : null, isModel ? List.of() : List.of(id), false,
                Share.of(p.model().earned(), p.model().max()), Share.of(p.functional().earned(), p.functional().max()),
                Share.of(p.statics().earned(), p.statics().max()), e.verdict().summary(), e.verdict().hint(), e.verdict().site());
    }

    /** {@return the verdict as one label, for the confusion table} */
    public String label() {
        return flawsComplete ? Expected.label(model, flaws) : model != null ? model : flaws.get(0);
    }

    /**
     * {@return what of {@code expected} this report can show, as one label: everything when it lists every flaw;
     * otherwise the one id the report would hold (the first flaw, or the model when there is none)}
     */
    public String labelOf(Expected expected) {
        return flawsComplete ? Expected.label(expected.model(), expected.flaws())
                : expected.flaws().isEmpty() ? expected.model() : expected.flaws().get(0);
    }
}
