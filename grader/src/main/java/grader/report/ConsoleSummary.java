package grader.report;

import grader.verdict.ModelVerdict;
import grader.verdict.Severity;
import grader.verdict.TestKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The summary a learner reads in ten seconds: per exercise the score and its parts, the verdict with
 * its evidence, why, a hint and the line; failing tests with their reasons; the slowest tests; then the total.
 * It prints the report it is given: the caller passes the audience's cut ({@link Audience#cut}).
 */
public final class ConsoleSummary {
    private final boolean colour;

    public ConsoleSummary(boolean colour) {
        this.colour = colour;
    }

    public void print(GradeReport report, Path reportFile, PrintWriter out) {
        if (report.graderError() != null) {
            out.println(paint("31;1", "grader error: ") + report.graderError());
        }
        int width = report.exercises().stream().mapToInt(e -> e.id().length()).max().orElse(5);
        width = Math.max(width, 5);
        for (GradeReport.ExerciseReport e : report.exercises()) {
            boolean full = e.score() >= e.maxScore();
            String score = Scores.format(e.score()) + "/" + Scores.format(e.maxScore());
            ModelVerdict v = e.verdict();
            out.printf("%-" + width + "s  %s   functional %s   model %s   static %s   %s%n",
                    e.id(), paint(full ? "32;1" : "31;1", String.format("%7s", score)),
                    part(e.points().functional()), part(e.points().model()), part(e.points().statics()),
                    v == null ? "" : paint(v.expected() ? "32" : v.severity() == Severity.WARN ? "33" : "31", v.id()));
            for (GradeReport.Stage s : e.stages()) {
                if (s.status() == StageStatus.FAILED) {
                    out.println("  " + paint("31", s.name() + " failed: ") + s.message());
                    s.details().stream().filter(d -> !s.message().contains(d)).limit(8).forEach(d -> out.println("    " + d));
                }
            }
            if (v != null) {
                wrap(out, v.summary());
                if (v.why() != null) {
                    wrap(out, v.why());
                }
                if (v.hint() != null) {
                    wrap(out, paint("36", "hint: ") + v.hint());
                }
                if (v.site() != null) {
                    out.println("    at " + v.site());
                }
            }
            List<GradeReport.TestResult> bad = e.tests().stream()
                    .filter(t -> !t.passed() && t.kind() != TestKind.MODEL).toList();
            long functional = e.tests().stream().filter(t -> t.kind() != TestKind.MODEL).count();
            if (!bad.isEmpty() && bad.size() < functional) {
                out.println("  " + bad.size() + " of " + functional + " tests did not pass:");
                bad.stream().limit(6).forEach(t -> out.println("    " + paint("31", "x ") + t.kind() + " " + shortName(t)
                        + (!ScoredPart.shownToLearners(t) ? ": " + t.status() + ", details not shown yet"
                        : t.message() == null ? " (" + t.status() + ")" : ": " + firstLine(t.message()))
                        + (t.site() == null ? "" : " at " + t.site())));
                if (bad.size() > 6) {
                    out.println("    ... and " + (bad.size() - 6) + " more in the report");
                }
            } else if (!bad.isEmpty()) {
                out.println("  none of the " + functional + " tests passed" + (bad.get(0).message() == null ? "" : " (first: "
                        + firstLine(bad.get(0).message()) + ")"));
            }
            e.statics().stream().filter(f -> !f.passed()).forEach(f -> {
                out.println("  " + paint("33", "static: ") + f.description() + ", because " + f.because());
                f.violations().stream().limit(3).forEach(d -> out.println("    " + d));
            });
        }
        GradeReport.Environment env = report.environment();
        if (env != null && env.timedOut()) {
            out.println(paint("31", "The test JVM ran past its " + env.watchdogSeconds() + " s budget and was stopped."));
        }
        if (env != null) {
            env.exits().forEach(x -> out.println(paint("31", "Learner code called " + ("halt".equals(x.how()) ? "Runtime.halt(" : "System.exit(")
                    + x.status() + ")") + (x.site() == null ? "" : " at " + x.site())));
        }
        if (env != null && env.limits() != null) {
            out.println(paint("2", "limits: " + env.limits().describe() + ", " + env.watchdogSeconds() + " s in all"));
        }
        if (env != null && env.isolation() != null) {
            out.println(paint("2", "isolation: " + env.isolation().layer() + " (--isolation " + env.isolation().requested() + "): " + env.isolation().why()));
        }
        List<GradeReport.TestResult> slowest = Durations.slowest(report, 3);
        if (!slowest.isEmpty()) {
            out.println(paint("2", "slowest tests: " + slowest.stream().map(t -> shortName(t) + " " + Durations.text(t.durationMillis()))
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        out.printf("%-" + width + "s  %s   report: %s%n", "total",
                paint(report.fullMarks() ? "32;1" : "31;1", String.format("%7s", Scores.format(report.score()) + "/" + Scores.format(report.maxScore()))),
                reportFile);
        out.flush();
    }

    private static String shortName(GradeReport.TestResult t) {
        String cls = t.className() == null ? "" : t.className().substring(t.className().lastIndexOf('.') + 1);
        return t.method() == null ? t.name() : cls + "." + t.method();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static void wrap(PrintWriter out, String text) {
        StringBuilder line = new StringBuilder("  ");
        for (String word : text.split(" ")) {
            if (line.length() + word.length() > 96 && line.length() > 2) {
                out.println(line);
                line = new StringBuilder("  ");
            }
            if (line.length() > 2) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 2) {
            out.println(line);
        }
    }

    private static String part(GradeReport.Part p) {
        return Scores.format(p.earned()) + "/" + Scores.format(p.max());
    }


    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
