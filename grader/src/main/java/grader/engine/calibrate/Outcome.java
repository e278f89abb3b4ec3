package grader.engine.calibrate;

import grader.report.GradeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One labelled submission, graded: what was expected, what the grader said, and every difference.
 *
 * @param name       the fixture's folder, relative to the calibrated folder (e.g. {@code wrong/fetch-sequential})
 * @param expected   the labels
 * @param observed   what the report said, or null when it could not be graded (see {@code mismatches})
 * @param report     the exercise's report, or null
 * @param mismatches each difference, in words; empty when the grader agreed
 */
public record Outcome(String name, Expected expected, Observed observed, GradeReport.ExerciseReport report, List<String> mismatches) {
    public Outcome {
        mismatches = List.copyOf(mismatches);
    }

    /** {@return whether the grader said what was expected} */
    public boolean agrees() {
        return mismatches.isEmpty();
    }

    /** {@return the expected verdict, with the model points} */
    public String expectedLabel() {
        return Expected.label(expected.model(), expected.flaws()) + " (" + expected.modelPoints().word() + ")";
    }

    /** {@return the verdict the grader gave, with the model points; "not graded" when there is none} */
    public String gotLabel() {
        return observed == null ? "not graded" : observed.label() + " (" + observed.modelPoints().word() + ")";
    }

    /**
     * Compares a report with the labels.
     *
     * @param laid where the fragments' lines went, to find the learner's line an expectation names
     */
    static Outcome compare(String name, Expected x, GradeReport.ExerciseReport report, LayIn.LaidIn laid) {
        Observed o = Observed.of(report);
        List<String> diffs = new ArrayList<>();
        if (!Expected.label(x.model(), x.flaws()).equals(o.label())) {
            diffs.add("verdict: expected " + Expected.label(x.model(), x.flaws()) + ", got " + o.label());
        }
        if (x.modelPoints() != o.modelPoints()) {
            diffs.add("modelPoints: expected " + x.modelPoints().word() + ", got " + o.modelPoints().word());
        }
        x.functionalPoints().filter(s -> s != o.functionalPoints()).ifPresent(s ->
                diffs.add("functionalPoints: expected " + s.word() + ", got " + o.functionalPoints().word()));
        x.staticsPoints().filter(s -> s != o.staticsPoints()).ifPresent(s ->
                diffs.add("staticsPoints: expected " + s.word() + ", got " + o.staticsPoints().word()));
        for (String word : x.sentenceContains()) {
            if (o.sentence() == null || !o.sentence().contains(word)) {
                diffs.add("sentenceContains: \"" + word + "\" is not in \"" + o.sentence() + "\"");
            }
        }
        x.site().ifPresent(site -> {
            if (o.site() == null || !site.file().equals(o.site().file())) {
                diffs.add("site: expected a line of " + site.file() + ", got " + o.site());
            } else if (site.line() > 0) {
                Optional<Integer> want = laid.line(site.file(), site.line());
                if (want.isEmpty()) {
                    diffs.add("site: line " + site.line() + " of " + site.file() + " is not laid in (a comment above the imports, or a"
                            + " stub method's header)");
                } else if (want.get() != o.site().line()) {
                    diffs.add("site: expected " + site.file() + " line " + site.line() + " (laid-in line " + want.get() + "), got "
                            + o.site() + laid.fragmentLine(site.file(), o.site().line()).map(l -> " (its line " + l + ")").orElse(""));
                }
            }
        });
        return new Outcome(name, x, o, report, diffs);
    }
}
