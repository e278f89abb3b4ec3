package grader.report;

import grader.verdict.ModelVerdict;
import grader.verdict.TestKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One scored part of an exercise (functional tests, concurrency model, static rules) with exactly the
 * points the report gives it. The exporters that list points per entry (Gradescope, GitHub Classroom)
 * list these, so their entries add up to the report's total without computing anything.
 *
 * @param exercise the exercise it belongs to
 * @param part     {@code functional}, {@code model} or {@code static}
 * @param name     the display name, e.g. "fetch: concurrency model (fixed-pool)"
 * @param earned   the part's {@link GradeReport.Part#earned()}
 * @param max      the part's {@link GradeReport.Part#max()}
 * @param basis    what the points were computed from, as the report says it
 */
record ScoredPart(GradeReport.ExerciseReport exercise, String part, String name, double earned, double max, String basis) {

    /** {@return whether the part earned all its points} */
    boolean full() {
        return earned >= max;
    }

    /**
     * The parts of every exercise, in report order (per exercise: functional, model, static).
     *
     * @throws IllegalArgumentException if the parts do not add up to an exercise's score or the exercises
     *                                  to the report's total: an exporter shows the report's numbers, it
     *                                  never repairs them, and a format whose entries disagree with its
     *                                  total is worse than none
     */
    static List<ScoredPart> of(GradeReport report) {
        List<ScoredPart> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (GradeReport.ExerciseReport e : report.exercises()) {
            GradeReport.Points p = e.points();
            List<ScoredPart> mine = List.of(
                    new ScoredPart(e, "functional", e.id() + ": functional tests", p.functional().earned(), p.functional().max(),
                            p.functional().basis()),
                    new ScoredPart(e, "model", e.id() + ": concurrency model" + (e.verdict() == null ? "" : " (" + e.verdict().id() + ")"),
                            p.model().earned(), p.model().max(), p.model().basis()),
                    new ScoredPart(e, "static", e.id() + ": static rules", p.statics().earned(), p.statics().max(), p.statics().basis()));
            BigDecimal sum = mine.stream().map(s -> BigDecimal.valueOf(s.earned())).reduce(BigDecimal.ZERO, BigDecimal::add);
            requireSame(sum, e.score(), "the parts of " + e.id());
            total = total.add(BigDecimal.valueOf(e.score()));
            parts.addAll(mine);
        }
        requireSame(total, report.score(), "the exercises");
        return parts;
    }

    private static void requireSame(BigDecimal sum, double expected, String what) {
        // The engine rounds every part to cents, so sums of its numbers are exact; a cent's tolerance is noise only.
        if (sum.subtract(BigDecimal.valueOf(expected)).abs().compareTo(new BigDecimal("0.005")) > 0) {
            throw new IllegalArgumentException("the report does not add up: " + what + " sum to " + sum.stripTrailingZeros().toPlainString()
                    + ", but the report says " + Scores.format(expected) + "; exporters show the report's totals and never repair them");
        }
    }

    /** {@return what this part's points are for, in plain text with {@code \n} line ends: the learner's feedback for it} */
    String feedback() {
        StringBuilder b = new StringBuilder();
        b.append(Scores.format(earned)).append('/').append(Scores.format(max)).append(": ").append(basis).append('\n');
        switch (part) {
            case "functional" -> {
                for (GradeReport.Stage s : exercise.stages()) {
                    if (s.status() == StageStatus.FAILED) {
                        b.append(s.name()).append(" failed: ").append(s.message()).append('\n');
                        s.details().stream().limit(8).forEach(d -> b.append("  ").append(d).append('\n'));
                    }
                }
                List<GradeReport.TestResult> bad = notPassed(exercise, false);
                bad.stream().limit(10).forEach(t -> b.append("x ").append(t.kind()).append(' ').append(shortName(t))
                        .append(t.durationMillis() == null ? "" : " (" + Durations.text(t.durationMillis()) + ")")
                        .append(!shownToLearners(t) ? ": " + t.status() + ", details not shown yet (shown " + t.visibility().replace('_', ' ') + ")"
                                : t.message() == null ? " (" + t.status() + ")" : ": " + firstLine(t.message()))
                        .append(t.site() == null ? "" : " at " + t.site()).append('\n'));
                if (bad.size() > 10) {
                    b.append("... and ").append(bad.size() - 10).append(" more\n");
                }
            }
            case "model" -> {
                ModelVerdict v = exercise.verdict();
                if (v != null) {
                    b.append(v.summary()).append('\n');
                    if (v.why() != null) {
                        b.append(v.why()).append('\n');
                    }
                    if (v.hint() != null) {
                        b.append("hint: ").append(v.hint()).append('\n');
                    }
                    if (v.site() != null) {
                        b.append("  at ").append(v.site()).append('\n');
                    }
                }
            }
            case "static" -> exercise.statics().stream().filter(f -> !f.passed()).forEach(f -> {
                b.append(f.description()).append(", because ").append(f.because()).append('\n');
                f.violations().stream().limit(3).forEach(d -> b.append("  ").append(d).append('\n'));
            });
            default -> throw new IllegalStateException("unknown part " + part);
        }
        return b.toString().stripTrailing();
    }

    /**
     * Whether a format shows a test's details: unless {@link Audience#cut} took them away (a test not {@code visible},
     * for learners) or the spec kept none. Formats show what the report they are given holds; the audience's cut decided.
     */
    static boolean shownToLearners(GradeReport.TestResult t) {
        return Audience.shown(t) || t.message() != null || t.trace() != null;
    }

    /** {@return the tests that did not pass; model checks only if asked (their outcome is the verdict)} */
    static List<GradeReport.TestResult> notPassed(GradeReport.ExerciseReport e, boolean withModel) {
        return e.tests().stream().filter(t -> !t.passed() && (withModel || t.kind() != TestKind.MODEL)).toList();
    }

    static String shortName(GradeReport.TestResult t) {
        if (t.method() == null) {
            return t.name();
        }
        String cls = t.className() == null ? "" : t.className().substring(t.className().lastIndexOf('.') + 1) + ".";
        return cls + t.method();
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
