package grader.report;

import grader.verdict.ModelVerdict;
import grader.verdict.Severity;
import grader.verdict.TestKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code summary.md}: the report as GitHub-flavoured Markdown for a CI job summary
 * ({@code $GITHUB_STEP_SUMMARY}) or a merge-request note. An overview table with the report's totals,
 * then per exercise a table of its parts, the verdict (evidence, why, hint, line), failed stages, the
 * tests that did not pass and the static rules broken.
 *
 * <p>Each test that did not pass is listed with its time and, where the audience's cut left them ({@link Audience}),
 * its message and the learner's line; then the slowest tests.
 */
final class MarkdownExporter {
    static final String FILE = "summary.md";





    /** {@return the summary as Markdown; the totals are the report's} */
    static String render(GradeReport report) {
        List<ScoredPart> parts = ScoredPart.of(report);
        StringBuilder md = new StringBuilder();
        md.append("# Grade: ").append(score(report.score(), report.maxScore()))
                .append(report.graderError() != null ? " (grader error)" : report.fullMarks() ? " (full marks)" : "").append("\n\n");
        if (report.graderError() != null) {
            md.append("> [!CAUTION]\n> The grader itself failed, so no score is trustworthy: ")
                    .append(inline(report.graderError())).append("\n\n");
        }
        md.append("| exercise | score | functional | model | static | verdict |\n|---|--:|--:|--:|--:|---|\n");
        for (GradeReport.ExerciseReport e : report.exercises()) {
            GradeReport.Points p = e.points();
            md.append("| ").append(cell(e.id())).append(" | **").append(score(e.score(), e.maxScore())).append("** | ")
                    .append(part(p.functional())).append(" | ").append(part(p.model())).append(" | ").append(part(p.statics()))
                    .append(" | ").append(verdictCell(e.verdict())).append(" |\n");
        }
        md.append("| **total** | **").append(score(report.score(), report.maxScore())).append("** | | | | |\n");

        for (GradeReport.ExerciseReport e : report.exercises()) {
            md.append("\n## ").append(e.id()).append(": ").append(score(e.score(), e.maxScore()));
            if (e.verdict() != null) {
                md.append(", `").append(e.verdict().id()).append('`');
            }
            md.append("\n\n");
            if (e.title() != null) {
                md.append(inline(e.title())).append("\n\n");
            }
            md.append("| part | points | basis |\n|---|--:|---|\n");
            for (ScoredPart s : parts) {
                if (s.exercise() == e) {
                    md.append("| ").append(s.part()).append(" | ").append(score(s.earned(), s.max())).append(" | ")
                            .append(cell(s.basis())).append(" |\n");
                }
            }
            md.append("| **score** | **").append(score(e.score(), e.maxScore())).append("** | ")
                    .append(cell(e.formula())).append(" |\n\n");

            ModelVerdict v = e.verdict();
            if (v != null) {
                md.append("**Evidence:** ").append(inline(v.summary())).append("  \n");
                if (v.why() != null) {
                    md.append("**Why:** ").append(inline(v.why())).append("  \n");
                }
                if (v.hint() != null) {
                    md.append("**Hint:** ").append(inline(v.hint())).append("  \n");
                }
                if (v.site() != null) {
                    md.append("**Line:** `").append(v.site()).append("`  \n");
                }
                md.append('\n');
            }
            for (GradeReport.Stage s : e.stages()) {
                if (s.status() == StageStatus.FAILED) {
                    md.append("**").append(s.name()).append(" failed:** ").append(inline(s.message())).append("\n\n");
                    if (!s.details().isEmpty()) {
                        md.append("```\n");
                        s.details().stream().limit(8).forEach(d -> md.append(d.replace("```", "'''")).append('\n'));
                        md.append("```\n\n");
                    }
                }
            }
            List<GradeReport.TestResult> bad = ScoredPart.notPassed(e, false);
            long functional = e.tests().stream().filter(t -> t.kind() != TestKind.MODEL).count();
            if (!bad.isEmpty()) {
                md.append("**Tests that did not pass** (").append(bad.size()).append(" of ").append(functional).append("):\n\n");
                bad.stream().limit(20).forEach(t -> md.append("- ").append(statusIcon(t.status())).append(' ').append(t.kind())
                        .append(" `").append(ScoredPart.shortName(t).replace("`", "'")).append('`')
                        .append(t.durationMillis() == null ? "" : " (" + Durations.text(t.durationMillis()) + ")")
                        .append(!ScoredPart.shownToLearners(t) ? ": " + t.status() + ", details not shown yet (shown "
                                + t.visibility().replace('_', ' ') + ")"
                                : t.message() == null ? " (" + t.status() + ")" : ": " + inline(ScoredPart.firstLine(t.message())))
                        .append(t.site() == null ? "" : " at `" + t.site().toString().replace("`", "'") + "`").append('\n'));
                if (bad.size() > 20) {
                    md.append("- ... and ").append(bad.size() - 20).append(" more in report.json\n");
                }
                md.append('\n');
            }
            List<grader.verdict.statics.StaticFinding> broken = e.statics().stream().filter(f -> !f.passed()).toList();
            if (!broken.isEmpty()) {
                md.append("**Static rules broken:**\n\n");
                broken.forEach(f -> {
                    md.append("- ").append(inline(f.description())).append(", because ").append(inline(f.because())).append('\n');
                    f.violations().stream().limit(3).forEach(d -> md.append("  - `").append(d.replace("`", "'")).append("`\n"));
                });
                md.append('\n');
            }
        }
        List<GradeReport.TestResult> slowest = Durations.slowest(report, 5);
        if (!slowest.isEmpty()) {
            md.append("\n## Slowest tests\n\n| test | time |\n|---|--:|\n");
            slowest.forEach(t -> md.append("| ").append(t.kind()).append(" `").append(ScoredPart.shortName(t).replace("`", "'"))
                    .append("` | ").append(Durations.text(t.durationMillis())).append(" |\n"));
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static String verdictCell(ModelVerdict v) {
        if (v == null) {
            return "";
        }
        String icon = v.expected() ? "✅" : v.severity() == Severity.WARN ? "⚠️" : "❌";
        return icon + " `" + v.id() + "`";
    }

    private static String statusIcon(TestStatus status) {
        return switch (status) {
            case FAILED, ABORTED -> "❌";
            case PASSED, SKIPPED, NOT_RUN -> "⏭️";
        };
    }

    private static String part(GradeReport.Part p) {
        return score(p.earned(), p.max());
    }

    private static String score(double earned, double max) {
        return Scores.format(earned) + "/" + Scores.format(max);
    }

    /** One line of text: Markdown's active characters that a learner's message might carry are escaped. */
    static String inline(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
                .replace("`", "\\`").replace("[", "\\[").replace("]", "\\]").replace("\n", " ").replaceAll("\\p{Cntrl}", "");
    }

    /** A table cell: like {@link #inline}, and a pipe cannot end the cell. */
    static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }
}
