package grader.report;

import grader.values.Evidence;
import grader.values.Evidence.CallSpan;
import grader.values.Site;
import grader.verdict.ModelVerdict;
import grader.verdict.statics.StaticFinding;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reports and evidence built by hand for the HTML report's tests, and a reader for the timelines it draws. */
final class HtmlFixture {
    static final Site SITE = new Site("course.fetch.StatusFetcher", "fetchAll", "StatusFetcher.java", 23);

    private HtmlFixture() {}

    /** {@code n} calls on the caller, one after the other, the first held long (as the rendezvous does). */
    static List<CallSpan> sequential(int n) {
        List<CallSpan> spans = new ArrayList<>();
        long t = 2_000;
        for (int i = 0; i < n; i++) {
            long end = t + (i == 0 ? 5_000_000 : 2_500);
            spans.add(new CallSpan("main", "caller", t, end, false));
            t = end + 20;
        }
        return spans;
    }

    /** {@code n} calls on {@code workers} pool workers, {@code workers} at a time. */
    static List<CallSpan> pooled(int n, int workers) {
        List<CallSpan> spans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = 1_000 + (i / workers) * 3_000L + (i % workers) * 100L;
            spans.add(new CallSpan("pool-1-thread-" + (i % workers + 1), "pool-worker", start, start + 2_900, false));
        }
        return spans;
    }

    static Evidence evidence(String scenario, int limit, int peak, List<CallSpan> spans) {
        return new Evidence("fetch", scenario, "request", spans.size(), "maxWorkers", limit, 6, "main", "returned", null,
                spans.size(), (int) spans.stream().filter(CallSpan::async).count(), peak, null, Map.of("caller", spans.size()),
                (int) spans.stream().map(CallSpan::thread).distinct().count(), List.of("main"), 0, 0, List.of(), List.of(),
                List.of(), List.of(), SITE, null, spans, Map.of(), Map.of());
    }

    static ModelVerdict verdict(String id, String severity, Evidence... evidence) {
        return SampleReports.verdict(id, severity, "info".equals(severity) ? 1 : 0, "Your 12 requests ran one at a time.",
                "Fetching is I/O-bound.", "Run the requests side by side.", SITE, List.of(evidence));
    }

    static GradeReport.TestResult test(String name, String kind, String status, String message, String trace) {
        return new GradeReport.TestResult("[engine:junit-jupiter]/" + name, name + "()", SampleReports.kind(kind), "course.fetch.StatusFetcherTest", name,
                SampleReports.status(status), "hidden".equals(kind) ? "after_due_date" : "visible", message, trace);
    }

    static GradeReport report(ModelVerdict verdict, List<GradeReport.TestResult> tests, String output) {
        GradeReport.Part part = new GradeReport.Part(6, 6, "6 of 6 tests passed");
        GradeReport.ExerciseReport e = new GradeReport.ExerciseReport("fetch", "Fetch URLs", 7, 15,
                new GradeReport.Points(part, new GradeReport.Part(0, 8, "sequential (fail)"), new GradeReport.Part(1, 1, "1 of 1")),
                "functional 6 x 6/6 + model 8 x 0 + static 1 x 1/1 = 7 of 15",
                List.of(SampleReports.stage("compile", "ok", "1 source file(s) compiled", List.of())),
                verdict, List.of(new StaticFinding("no-thread-run", "no direct call of Thread.run()", "run() runs on the caller", true,
                        List.of())), tests);
        GradeReport.Environment env = new GradeReport.Environment("25", 6, true, 60, 600, 0, false, List.of(), output, false,
                grader.values.Limits.DEFAULT);
        return new GradeReport(GradeReport.SCHEMA_VERSION, "test", "/tmp/submission", "2026-01-01T00:00:00Z", env, List.of(e),
                7, 15, null);
    }

    /** A lane of a drawn timeline: its thread, kind, how many threads it holds, and its bars' [start, end) in µs. */
    record Lane(String thread, String kind, int threads, List<long[]> bars) {}

    /**
     * Reads every timeline of one scale from a page. The SVG is parsed as XML, so a badly escaped name
     * fails here too.
     */
    static List<List<Lane>> timelines(String page, String scale) throws Exception {
        List<List<Lane>> timelines = new ArrayList<>();
        Matcher m = Pattern.compile("<svg class=\"timeline\" data-scale=\"" + scale + "\".*?</svg>", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(m.group())));
            List<Lane> lanes = new ArrayList<>();
            NodeList groups = svg.getElementsByTagName("g");
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                if (!g.getAttribute("class").startsWith("lane")) {
                    continue;
                }
                List<long[]> bars = new ArrayList<>();
                NodeList rects = g.getElementsByTagName("rect");
                for (int j = 0; j < rects.getLength(); j++) {
                    Element r = (Element) rects.item(j);
                    if (r.getAttribute("class").startsWith("bar")) {
                        bars.add(new long[] {Long.parseLong(r.getAttribute("data-start")), Long.parseLong(r.getAttribute("data-end"))});
                    }
                }
                lanes.add(new Lane(g.getAttribute("data-thread"), g.getAttribute("data-kind"),
                        Integer.parseInt(g.getAttribute("data-threads")), bars));
            }
            timelines.add(lanes);
        }
        return timelines;
    }

    /** {@return whether two of these bars overlap in time} */
    static boolean anyOverlap(List<long[]> bars) {
        for (int i = 0; i < bars.size(); i++) {
            for (int j = i + 1; j < bars.size(); j++) {
                if (bars.get(i)[0] < bars.get(j)[1] && bars.get(j)[0] < bars.get(i)[1]) {
                    return true;
                }
            }
        }
        return false;
    }
}
