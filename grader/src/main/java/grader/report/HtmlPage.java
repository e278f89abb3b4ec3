package grader.report;

import static grader.report.HtmlText.esc;
import static grader.report.HtmlText.num;

import grader.values.Evidence;
import grader.values.ExitRequest;
import grader.values.Site;
import grader.verdict.ModelVerdict;
import grader.verdict.statics.StaticFinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTML report as one self-contained page: inline CSS and SVG, no script (its Content-Security-Policy
 * forbids any), nothing fetched. Per exercise: the score and its parts, the verdict, the evidence of
 * every observed scenario with its timeline, the tests that did not pass with their reasons, and the
 * static findings; then the test JVM. Every string that may come from a learner is escaped; tests show
 * what the audience's cut ({@link Audience}) left of them, as in every other format.
 */
final class HtmlPage {
    static final String FILE = "report.html";
    private static final String CSS = resource("/grader/html/report.css");

    private HtmlPage() {}

    /** {@return the page for this report} */
    static String render(GradeReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light">
                """);
        h.append("<title>Grade report: ").append(num(r.score())).append('/').append(num(r.maxScore())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, r);
        for (GradeReport.ExerciseReport e : r.exercises()) {
            exercise(h, e);
        }
        environment(h, r.environment());
        h.append("<footer>grader ").append(esc(r.grader())).append(" \u00b7 report schema ").append(r.schemaVersion())
                .append(" \u00b7 every verdict is decided from counts, overlaps, thread kinds and sizes; the timelines' times are for "
                        + "the picture only.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, GradeReport r) {
        h.append("<header class=\"top\">\n<div>\n<h1>Grade report</h1>\n<p class=\"meta\">").append(esc(r.submission()))
                .append("<br>graded ").append(esc(r.gradedAt())).append("</p>\n</div>\n<div class=\"total ")
                .append(r.fullMarks() ? "full" : "short").append("\"><span class=\"big\">").append(num(r.score())).append("</span>/")
                .append(num(r.maxScore())).append("</div>\n</header>\n");
        if (r.graderError() != null) {
            h.append("<p class=\"grader-error\"><b>The grader itself failed:</b> ").append(esc(r.graderError()))
                    .append(". No score in this report can be trusted.</p>\n");
        }
        if (r.exercises().size() > 1) {
            h.append("<nav>");
            for (GradeReport.ExerciseReport e : r.exercises()) {
                h.append("<a href=\"#ex-").append(HtmlText.token(e.id())).append("\">").append(esc(e.id())).append(' ')
                        .append(num(e.score())).append('/').append(num(e.maxScore()))
                        .append(e.verdict() == null ? "" : " \u00b7 " + esc(e.verdict().id())).append("</a>");
            }
            h.append("</nav>\n");
        }
    }

    private static void exercise(StringBuilder h, GradeReport.ExerciseReport e) {
        boolean full = e.score() >= e.maxScore();
        h.append("<section class=\"exercise\" id=\"ex-").append(HtmlText.token(e.id())).append("\">\n<h2>").append(esc(e.id()))
                .append(" <span class=\"title\">").append(esc(e.title())).append("</span><span class=\"score ")
                .append(full ? "full" : "short").append("\">").append(num(e.score())).append('/').append(num(e.maxScore()))
                .append("</span></h2>\n");
        GradeReport.Points p = e.points();
        if (p != null) {
            h.append("<table class=\"parts\"><tbody>");
            part(h, "functional", p.functional());
            part(h, "model", p.model());
            part(h, "static", p.statics());
            h.append("</tbody></table>\n");
        }
        h.append("<p class=\"formula\">").append(esc(e.formula())).append("</p>\n");
        stages(h, e.stages());
        verdict(h, e.verdict());
        tests(h, e.tests());
        statics(h, e.statics());
        h.append("</section>\n");
    }

    private static void part(StringBuilder h, String name, GradeReport.Part part) {
        if (part == null) {
            return;
        }
        h.append("<tr><th>").append(name).append("</th><td class=\"num\">").append(num(part.earned())).append('/')
                .append(num(part.max())).append("</td><td><span class=\"meter\"><span style=\"width:")
                .append(String.format(Locale.ROOT, "%.0f", part.max() <= 0 ? 100 : 100 * Math.min(1, part.earned() / part.max())))
                .append("%\"></span></span></td><td>").append(esc(part.basis())).append("</td></tr>");
    }

    private static void stages(StringBuilder h, List<GradeReport.Stage> stages) {
        h.append("<ol class=\"stages\">");
        for (GradeReport.Stage s : stages) {
            h.append("<li class=\"").append(HtmlText.token(s.status().id())).append("\" title=\"").append(esc(s.message())).append("\">")
                    .append(esc(s.name().id())).append(" <small>").append(esc(s.status().id())).append("</small></li>");
        }
        h.append("</ol>\n");
        for (GradeReport.Stage s : stages) {
            if (s.status() != StageStatus.OK) {
                h.append("<div class=\"stage-detail ").append(HtmlText.token(s.status().id())).append("\"><b>").append(esc(s.name().id())).append(' ')
                        .append(esc(s.status().id())).append(":</b> ").append(esc(s.message()));
                if (!s.details().isEmpty()) {
                    h.append("<pre>").append(esc(String.join("\n", s.details()))).append("</pre>");
                }
                h.append("</div>\n");
            }
        }
    }

    private static void verdict(StringBuilder h, ModelVerdict v) {
        if (v == null) {
            h.append("<p class=\"note\">No concurrency-model verdict: the model checks did not run (see the stages above).</p>\n");
            return;
        }
        h.append("<div class=\"verdict ").append(v.severity().id()).append("\">\n<div class=\"verdict-head\"><span class=\"verdict-id\">")
                .append(esc(v.id())).append("</span><span class=\"severity\">").append(switch (v.severity()) {
                    case INFO -> "the model this exercise teaches";
                    case WARN -> "works, but not the model this exercise teaches";
                    case FAIL -> "the wrong model for this work";
                }).append(" \u00b7 ").append(String.format(Locale.ROOT, "%.0f", v.share() * 100)).append("% of the model points</span></div>\n");
        h.append("<p class=\"summary\">").append(esc(v.summary())).append("</p>\n");
        if (v.why() != null) {
            h.append("<p class=\"why\">").append(esc(v.why())).append("</p>\n");
        }
        if (v.hint() != null) {
            h.append("<p class=\"hint\"><b>Hint</b> ").append(esc(v.hint())).append("</p>\n");
        }
        if (v.site() != null) {
            h.append("<p class=\"site\">at <code>").append(esc(v.site().toString())).append("</code></p>\n");
        }
        h.append("</div>\n");
        if (!v.evidence().isEmpty()) {
            h.append("<h3>What the grader saw</h3>\n");
            for (Evidence ev : v.evidence()) {
                evidence(h, ev);
            }
        }
    }

    private static void evidence(StringBuilder h, Evidence ev) {
        String label = ev.callLabel() == null ? "call" : ev.callLabel();
        h.append("<figure class=\"scenario\">\n<figcaption>").append(esc(ev.scenario())).append("</figcaption>\n<dl class=\"numbers\">");
        fact(h, label + "s", esc(ev.calls() + (ev.asyncCalls() > 0 ? " (" + ev.asyncCalls() + " asynchronous)" : "") + " for "
                + ev.tasks() + " items"));
        fact(h, "in progress at once", "<b>at most " + ev.peakOverlap() + "</b> " + esc("(" + ev.limitName() + " = " + ev.limit() + ")"));
        Map<String, Integer> byKind = new TreeMap<>(ev.callsByKind());
        fact(h, "ran on", esc(ev.distinctThreads() + (ev.distinctThreads() == 1 ? " thread" : " threads") + (byKind.isEmpty() ? ""
                : ": " + byKind.entrySet().stream().map(k -> k.getValue() + " on " + HtmlThreadKinds.label(k.getKey()))
                .collect(Collectors.joining(", ")))));
        fact(h, "threads you started", esc(ev.platformStarts() + " platform, " + ev.virtualStarts() + " virtual"));
        fact(h, "your method", esc("threw".equals(ev.outcome()) ? "threw " + ev.thrown() : ev.outcome()));
        fact(h, "left running on return", esc(ev.leakedThreads().isEmpty() ? "nothing" : String.join(", ", ev.leakedThreads())));
        fact(h, "pools you created", ev.pools().isEmpty() ? "none" : ev.pools().stream().map(p -> esc(("fjp".equals(p.kind())
                ? "ForkJoinPool" : "tpe".equals(p.kind()) ? "ThreadPoolExecutor" : p.kind()) + " of " + (p.core() == p.max()
                ? String.valueOf(p.max()) : p.core() + " to " + (p.max() == Integer.MAX_VALUE ? "unbounded" : String.valueOf(p.max())))
                + " threads, " + (p.shutDown() ? "shut down" : "never shut down")) + at(p.site())).collect(Collectors.joining("<br>")));
        for (Evidence.ProcessSeen p : ev.processes()) {
            fact(h, "process started", "<code>" + esc(String.join(" ", p.command())) + "</code>" + at(p.site()));
        }
        for (Evidence.ThreadWait w : ev.waits()) {
            fact(h, "waiting", esc("\u201c" + w.thread() + "\u201d " + w.state() + " in ") + "<code>" + esc(w.waitingIn()) + "</code>"
                    + (w.lock() == null ? "" : " on <code>" + esc(w.lock()) + "</code>")
                    + (w.lockOwner() == null ? "" : esc(" held by \u201c" + w.lockOwner() + "\u201d")) + at(w.site()));
        }
        if (ev.callSite() != null) {
            fact(h, "first " + label + " from", code(ev.callSite()));
        }
        if (ev.startSite() != null) {
            fact(h, "first thread started at", code(ev.startSite()));
        }
        h.append("</dl>\n").append(HtmlTimeline.render(ev)).append("</figure>\n");
    }

    /** {@return " at " and the site as code, or nothing} */
    private static String at(Site site) {
        return site == null ? "" : " at " + code(site);
    }

    private static String code(Site site) {
        return "<code>" + esc(site.toString()) + "</code>";
    }

    /** A name and a value already escaped (it may hold markup); a long value gets the whole width. */
    private static void fact(StringBuilder h, String name, String html) {
        boolean wide = html.contains("<code>") || html.length() > 48;
        h.append(wide ? "<div class=\"wide\">" : "<div>").append("<dt>").append(esc(name)).append("</dt><dd>").append(html)
                .append("</dd></div>");
    }

    private static void tests(StringBuilder h, List<GradeReport.TestResult> tests) {
        if (tests.isEmpty()) {
            return;
        }
        Map<String, long[]> byKind = new java.util.LinkedHashMap<>();
        for (GradeReport.TestResult t : tests) {
            long[] n = byKind.computeIfAbsent(t.kind().id(), k -> new long[2]);
            n[0] += t.passed() ? 1 : 0;
            n[1]++;
        }
        List<GradeReport.TestResult> bad = tests.stream().filter(t -> !t.passed()).toList();
        h.append("<h3>Tests</h3>\n<p>").append(tests.size() - bad.size()).append(" of ").append(tests.size()).append(" passed: ")
                .append(byKind.entrySet().stream().map(k -> esc(k.getKey()) + " " + k.getValue()[0] + "/" + k.getValue()[1])
                        .collect(Collectors.joining(", "))).append("</p>\n");
        if (!bad.isEmpty()) {
            h.append("<table class=\"tests\"><thead><tr><th></th><th>test</th><th>kind</th><th>time</th><th>why it did not pass</th></tr></thead><tbody>\n");
            bad.forEach(t -> testRow(h, t));
            h.append("</tbody></table>\n");
        }
        List<GradeReport.TestResult> slow = tests.stream().filter(t -> t.durationMillis() != null)
                .sorted(java.util.Comparator.comparingLong(GradeReport.TestResult::durationMillis).reversed()).limit(3).toList();
        if (!slow.isEmpty()) {
            h.append("<p class=\"slowest\">Slowest: ").append(slow.stream().map(t -> esc(shortName(t)) + " "
                    + esc(Durations.text(t.durationMillis()))).collect(Collectors.joining(", "))).append("</p>\n");
        }
        h.append("<details><summary>All ").append(tests.size()).append(" tests</summary><table class=\"tests\"><tbody>\n");
        tests.forEach(t -> testRow(h, t));
        h.append("</tbody></table></details>\n");
    }

    private static void testRow(StringBuilder h, GradeReport.TestResult t) {
        String status = HtmlText.token(t.status().id());
        h.append("<tr class=\"").append(status).append("\"><td class=\"mark\">").append(t.passed() ? "\u2713" : t.status() == TestStatus.FAILED
                ? "\u2717" : "\u25cb").append("</td><td><b>").append(esc(shortName(t))).append("</b>");
        if (t.method() != null && !t.name().startsWith(t.method())) {
            h.append("<br><small>").append(esc(t.name())).append("</small>");
        }
        h.append("</td><td>").append(esc(t.kind().id()));
        if (t.visibility() != null && !"visible".equals(t.visibility())) {
            h.append("<br><small>shown ").append(esc(t.visibility().replace('_', ' '))).append("</small>");
        }
        h.append("</td><td class=\"num\">").append(t.durationMillis() == null ? "" : esc(Durations.text(t.durationMillis())));
        h.append("</td><td>");
        if (!t.passed()) {
            h.append("<b>").append(esc(t.status().id())).append("</b>");
            if (t.site() != null) {
                h.append(" at <code>").append(esc(t.site().toString())).append("</code>");
            }
            if (t.message() != null) {
                h.append("<pre>").append(esc(t.message())).append("</pre>");
            } else if (!ScoredPart.shownToLearners(t)) {
                h.append(" <small>(details not shown yet: shown ").append(esc(t.visibility().replace('_', ' '))).append(")</small>");
            }
            if (t.trace() != null) {
                h.append("<details><summary>trace</summary><pre>").append(esc(t.trace())).append("</pre></details>");
            }
        }
        h.append("</td></tr>\n");
    }

    private static String shortName(GradeReport.TestResult t) {
        if (t.method() == null || t.className() == null) {
            return t.name();
        }
        return t.className().substring(t.className().lastIndexOf('.') + 1) + "." + t.method();
    }

    private static void statics(StringBuilder h, List<StaticFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        h.append("<h3>Static rules</h3>\n<ul class=\"statics\">\n");
        for (StaticFinding f : findings) {
            h.append("<li class=\"").append(f.passed() ? "passed" : "failed").append("\"><span class=\"mark\">")
                    .append(f.passed() ? "\u2713" : "\u2717").append("</span> ").append(esc(f.description())).append(" <small>because ")
                    .append(esc(f.because())).append("</small>");
            if (!f.violations().isEmpty()) {
                h.append("<pre>").append(esc(String.join("\n", f.violations()))).append("</pre>");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void environment(StringBuilder h, GradeReport.Environment env) {
        if (env == null) {
            return;
        }
        h.append("<section class=\"environment\">\n<h2>The test JVM</h2>\n<dl class=\"numbers\">");
        fact(h, "JDK", esc(env.jdk()));
        fact(h, "processors", env.activeProcessors() == null ? "as the machine has" : env.activeProcessors() + " (-XX:ActiveProcessorCount)");
        fact(h, "hidden tests", env.hiddenTests() ? "run" : "not run");
        fact(h, "limits", (env.limits() != null ? esc(env.limits().describe()) : env.perTestTimeoutSeconds() + " s per test")
                + ", " + env.watchdogSeconds() + " s in all");
        if (env.isolation() != null) {
            fact(h, "isolation", esc(env.isolation().layer() + " (--isolation " + env.isolation().requested() + "): " + env.isolation().why()));
        }
        fact(h, "ended", env.timedOut() ? "stopped past its budget" : env.exitCode() == null ? "killed" : "exit code " + env.exitCode());
        for (ExitRequest x : env.exits()) {
            fact(h, "your code called", ("halt".equals(x.how()) ? "Runtime.halt(" : "System.exit(") + x.status() + ")"
                    + (x.site() == null ? "" : " at <code>" + esc(x.site()) + "</code>"));
        }
        h.append("</dl>\n");
        if (env.output() != null && !env.output().isEmpty()) {
            h.append("<details><summary>Output of your code and the tests (").append(env.output().length()).append(" characters")
                    .append(env.outputCut() ? ", cut" : "").append(")</summary><pre class=\"output\">").append(esc(env.output()))
                    .append("</pre></details>\n");
        }
        h.append("</section>\n");
    }

    static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's resource " + name + " is missing from its class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the grader's resource " + name, e);
        }
    }
}
