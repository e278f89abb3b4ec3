package grader.report;

import static grader.report.HtmlFixture.anyOverlap;
import static grader.report.HtmlFixture.evidence;
import static grader.report.HtmlFixture.report;
import static grader.report.HtmlFixture.test;
import static grader.report.HtmlFixture.timelines;
import static grader.report.HtmlFixture.verdict;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Evidence;
import grader.values.Evidence.CallSpan;
import grader.verdict.ModelVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report, rendered without a browser: one safe self-contained file, and timelines that draw what was seen. */
class HtmlExporterTest {
    static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";

    @Test
    void htmlIsRegisteredAndWritesOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Exporter html = Exporters.byId("html").orElseThrow();
        Path file = html.write(report(verdict("sequential", "fail", evidence("12 requests", 3, 1, HtmlFixture.sequential(12))),
                List.of(), ""), dir, Audience.LEARNER);
        String page = Files.readString(file);
        String lower = page.toLowerCase(Locale.ROOT);
        assertAll(
                () -> assertEquals(dir.resolve("report.html"), file),
                () -> assertEquals(List.of("report.html"), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                        "no temporary file is left behind"),
                () -> assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'"), "scripts and fetches are forbidden"),
                () -> assertFalse(lower.contains("<script"), "the page has no script"),
                () -> assertFalse(lower.contains("<link"), "no stylesheet is fetched"),
                () -> assertFalse(lower.contains(" src="), "no image or frame is fetched"),
                () -> assertFalse(lower.contains("url("), "no CSS resource is fetched"),
                () -> assertTrue(page.contains("<style>") && page.contains(".k-caller"), "the CSS is inline"));
    }

    @Test
    void everyLearnerControlledStringIsEscaped() throws Exception {
        List<CallSpan> spans = List.of(new CallSpan(HOSTILE, "caller", 0, 10, false), new CallSpan(HOSTILE, "bogus\"kind", 20, 30, true));
        Evidence ev = new Evidence("fetch", HOSTILE, HOSTILE, 2, HOSTILE, 3, 6, HOSTILE, "threw", HOSTILE, 2, 1, 1, null,
                java.util.Map.of(HOSTILE, 2), 1, List.of(HOSTILE), 0, 0,
                List.of(new Evidence.PoolSeen(HOSTILE, 1, 1, false, HtmlFixture.SITE)),
                List.of(new Evidence.ProcessSeen(List.of("curl", HOSTILE), HtmlFixture.SITE)), List.of(HOSTILE),
                List.of(new Evidence.ThreadWait(HOSTILE, "BLOCKED", HOSTILE, HOSTILE, HOSTILE, HtmlFixture.SITE)),
                new grader.values.Site(HOSTILE, HOSTILE, HOSTILE, 1), null, spans, java.util.Map.of(HOSTILE, 1L),
                java.util.Map.of());
        // The severity is one of three constants: nothing of the learner's reaches it.
        ModelVerdict v = SampleReports.verdict(HOSTILE, "fail", 0, HOSTILE, HOSTILE, HOSTILE, null, List.of(ev));
        GradeReport r = report(v, List.of(test(HOSTILE, "public", "failed", HOSTILE, HOSTILE)), HOSTILE + "\u001b[31mred\u0000");
        String page = HtmlPage.render(r);
        String lower = page.toLowerCase(Locale.ROOT);
        assertAll(
                () -> assertFalse(lower.contains("<script"), "no script element"),
                () -> assertFalse(lower.contains("<img"), "no image element"),
                () -> assertTrue(page.contains("data-thread=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;"),
                        "an attribute value keeps its quotes escaped"),
                () -> assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"), "shown as text"),
                () -> assertTrue(page.contains("&amp;amp;"), "an entity in learner text stays text"),
                () -> assertFalse(page.contains("\u001b") || page.contains("\u0000"), "control characters are replaced"),
                () -> assertEquals(1, timelines(page, "compressed").size(), "the timeline still parses as XML"));
    }

    @Test
    void sequentialCallsDrawOneCallerLaneWhoseBarsNeverOverlap() throws Exception {
        String page = HtmlPage.render(report(verdict("sequential", "fail", evidence("12 requests", 3, 1, HtmlFixture.sequential(12))),
                List.of(), ""));
        for (String scale : List.of("compressed", "linear")) {
            List<HtmlFixture.Lane> lanes = timelines(page, scale).get(0);
            assertAll(scale,
                    () -> assertEquals(1, lanes.size()),
                    () -> assertEquals("main", lanes.get(0).thread()),
                    () -> assertEquals("caller", lanes.get(0).kind()),
                    () -> assertEquals(12, lanes.get(0).bars().size()),
                    () -> assertFalse(anyOverlap(lanes.get(0).bars())));
        }
        assertTrue(page.contains("let go after a few seconds"), "the long first bar is explained as the grader's wait");
    }

    @Test
    void concurrentCallsDrawALaneEachWithBarsOverlappingAcrossLanes() throws Exception {
        String page = HtmlPage.render(report(verdict("fixed-pool", "info", evidence("12 requests", 3, 3, HtmlFixture.pooled(12, 3))),
                List.of(), ""));
        List<HtmlFixture.Lane> lanes = timelines(page, "compressed").get(0);
        List<long[]> all = lanes.stream().flatMap(l -> l.bars().stream()).toList();
        assertAll(
                () -> assertEquals(3, lanes.size()),
                () -> assertTrue(lanes.stream().allMatch(l -> "pool-worker".equals(l.kind()) && l.bars().size() == 4)),
                () -> assertTrue(lanes.stream().noneMatch(l -> anyOverlap(l.bars())), "one thread runs one call at a time"),
                () -> assertTrue(anyOverlap(all), "calls on different threads overlap"),
                () -> assertTrue(page.contains("a worker of a thread pool you created"), "the legend names the kind"),
                () -> assertFalse(page.contains("let go after a few seconds"), "no wait to explain"));
    }

    @Test
    void fortyEightThreadsGetTwentyThreeLanesAndAShared24thThatSaysSo() throws Exception {
        List<CallSpan> spans = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            spans.add(new CallSpan("Thread-" + i, "platform", 100 + i, 10_000 + i, false));
        }
        String page = HtmlPage.render(report(verdict("thread-per-task", "fail", evidence("48 items", 6, 48, spans)), List.of(), ""));
        List<HtmlFixture.Lane> lanes = timelines(page, "compressed").get(0);
        HtmlFixture.Lane shared = lanes.get(lanes.size() - 1);
        assertAll(
                () -> assertEquals(HtmlLanes.MAX_LANES, lanes.size()),
                () -> assertEquals(25, shared.threads()),
                () -> assertEquals(48, lanes.stream().mapToInt(l -> l.bars().size()).sum(), "every call is drawn"),
                () -> assertEquals("Thread-0", lanes.get(0).thread(), "lanes follow each thread's first call"),
                () -> assertTrue(page.contains("48 threads made requests: the first 23"), "the cap is said"),
                () -> assertTrue(page.contains("+25 more threads")),
                () -> assertTrue(page.contains("drawn over others"), "a lane with more calls at once than rows says so"));
    }

    @Test
    void asynchronousCallsOnOneThreadGetRowsOfTheirOwnInItsLane() throws Exception {
        List<CallSpan> spans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            spans.add(new CallSpan("main", "caller", 10 + i, 5_000 + i, true));
        }
        String page = HtmlPage.render(report(verdict("async-client", "info", evidence("4 requests", 4, 4, spans)), List.of(), ""));
        assertAll(
                () -> assertEquals(1, timelines(page, "compressed").get(0).size()),
                () -> assertEquals(4, page.split("class=\"bar k-caller async", -1).length - 1 - 4, "4 bars per scale, 2 scales"),
                () -> assertTrue(page.contains("<b>asynchronous</b>"), "the legend explains the outline"));
        HtmlLanes lanes = HtmlLanes.of(spans);
        assertEquals(4, lanes.lanes().get(0).rows().size());
    }

    @Test
    void aHiddenTestShowsOnlyWhatTheReportKept() {
        String page = HtmlPage.render(report(null, List.of(
                test("keepsOrder", "hidden", "failed", null, null),
                test("returnsStatuses", "public", "failed", "expected: <200> but was: <-1>", "at Foo.bar(Foo.java:1)")), ""));
        assertAll(
                () -> assertTrue(page.contains("(details not shown yet: shown after due date)"), page),
                () -> assertTrue(page.contains("shown after due date")),
                () -> assertTrue(page.contains("expected: &lt;200&gt; but was: &lt;-1&gt;")),
                () -> assertTrue(page.contains("No concurrency-model verdict"), "a report without a verdict still renders"));
    }

    @Test
    void aScenarioWithoutCallsSaysThereIsNothingToDraw() {
        String page = HtmlPage.render(report(verdict("no-calls", "fail", evidence("12 requests", 3, 0, List.of())), List.of(), ""));
        assertAll(
                () -> assertTrue(page.contains("No request was made, so there is nothing to draw.")),
                () -> assertFalse(page.contains("<svg")));
    }
}
