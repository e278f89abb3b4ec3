package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import grader.report.Exporters;
import grader.report.GradeReport;
import grader.values.Evidence;
import grader.values.Evidence.CallSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML report of a real grading run, opened in a real headless Chromium: it loads without a script
 * error or a fetch, and its timelines draw what was observed: a sequential fetch as one caller lane
 * whose bars never overlap, a pooled one as a lane per worker with bars overlapping across lanes.
 * Skipped, never failed, where Chromium or chromedriver is missing ({@code .ci/run} installs them).
 *
 * <p>It also takes the README's screenshots, into {@code grader/target/html-report/}. To regenerate
 * {@code docs/img/report-fetch-sequential.png} and {@code docs/img/report-fetch-concurrent.png}: run
 * {@code mvn -B verify -pl exercises,grader -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HtmlReportIT}
 * and copy {@code grader/target/html-report/report-fetch-*.png} to {@code docs/img/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HtmlReportIT {
    static final Path OUT = Path.of(System.getProperty("grader.home", "target")).toAbsolutePath().resolve("html-report");
    static final int WIDTH = 1200;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(HtmlBrowser.chromium().isPresent() && HtmlBrowser.chromedriver().isPresent(),
                "Chromium or chromedriver is not installed (apt-get install -y chromium chromium-driver; .ci/run does it), "
                        + "so the HTML report is not checked in a browser here");
    }

    @Test
    void sequentialFetchIsDrawnAsOneCallerLaneWhoseBarsNeverOverlap() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.SUBMISSIONS.resolve("wrong/fetch-sequential"), List.of("fetch"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        assertEquals("sequential", e.verdict().id(), GradingFixture.explain(e));
        List<Drawn> timelines = openAndCheck(report, "fetch-sequential");
        assertEquals(e.verdict().evidence().size(), timelines.size(), "one timeline per observed scenario");
        for (int i = 0; i < timelines.size(); i++) {
            Evidence ev = e.verdict().evidence().get(i);
            Drawn d = timelines.get(i);
            List<long[]> bars = d.lanes().get(0).bars();
            assertAll(ev.scenario(),
                    () -> assertEquals(1, d.lanes().size(), "one lane: " + d),
                    () -> assertEquals("caller", d.lanes().get(0).kind()),
                    () -> assertEquals(ev.callerThread(), d.lanes().get(0).thread()),
                    () -> assertEquals(ev.timeline().size(), bars.size(), "a bar per call"),
                    () -> assertFalse(overlap(bars), "the caller's bars never overlap"));
        }
    }

    @Test
    void concurrentFetchIsDrawnAsALanePerWorkerWithBarsOverlappingAcrossLanes() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.REPO.resolve("solutions"), List.of("fetch"), true);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        assertEquals("fixed-pool", e.verdict().id(), GradingFixture.explain(e));
        List<Drawn> timelines = openAndCheck(report, "fetch-concurrent");
        assertEquals(e.verdict().evidence().size(), timelines.size(), "one timeline per observed scenario");
        for (int i = 0; i < timelines.size(); i++) {
            Evidence ev = e.verdict().evidence().get(i);
            Drawn d = timelines.get(i);
            List<long[]> all = d.lanes().stream().flatMap(l -> l.bars().stream()).toList();
            assertAll(ev.scenario(),
                    () -> assertEquals(ev.timeline().stream().map(CallSpan::thread).distinct().count(), d.lanes().size(), "a lane per thread"),
                    () -> assertTrue(d.lanes().size() > 1, "several lanes: " + d),
                    () -> assertTrue(d.lanes().stream().allMatch(l -> "pool-worker".equals(l.kind())), "pool workers: " + d),
                    () -> assertEquals(ev.timeline().size(), all.size(), "a bar per call"),
                    () -> assertTrue(d.lanes().stream().noneMatch(l -> overlap(l.bars())), "a worker runs one request at a time"),
                    // The rendezvous holds the first requests until maxWorkers are in progress: their bars overlap by construction.
                    () -> assertTrue(overlap(all), "bars on different lanes overlap"));
        }
    }

    /** A timeline as the browser laid it out: its lanes, each with the [start, end) of its bars. */
    record Drawn(String scale, List<Lane> lanes) {}

    record Lane(String thread, String kind, List<long[]> bars) {}

    /**
     * Writes report.html, opens it, checks it loaded with no error logged and nothing fetched, saves a
     * screenshot of its top down to the first timeline, checks that the linear axis can be switched on,
     * and returns the timelines drawn by default.
     */
    private static List<Drawn> openAndCheck(GradeReport report, String name) throws Exception {
        Path dir = OUT.resolve(name);
        Path page = Exporters.byId("html").orElseThrow().write(report, dir, grader.report.Audience.STAFF);
        try (HtmlBrowser browser = HtmlBrowser.start(HtmlBrowser.chromium().orElseThrow(), HtmlBrowser.chromedriver().orElseThrow(),
                dir, WIDTH, 900)) {
            browser.open(page.toUri());
            List<String> errors = browser.severeLog();
            JsonNode fetched = browser.script("return performance.getEntriesByType('resource').map(r => r.name)");
            JsonNode drawn = browser.script("""
                    return [...document.querySelectorAll('svg.timeline')]
                      .filter(svg => svg.getBoundingClientRect().height > 0)
                      .map(svg => ({scale: svg.dataset.scale, lanes: [...svg.querySelectorAll('g.lane')].map(g => ({
                        thread: g.dataset.thread, kind: g.dataset.kind,
                        bars: [...g.querySelectorAll('rect.bar')]
                          .filter(r => r.getBoundingClientRect().width > 0 && r.getBoundingClientRect().height > 0)
                          .map(r => [Number(r.dataset.start), Number(r.dataset.end)])}))}))""");
            assertAll(name,
                    () -> assertEquals(List.of(), errors, "the browser logged no error"),
                    () -> assertEquals(0, fetched.size(), "nothing was fetched: " + fetched));

            int bottom = browser.script("return Math.ceil(document.querySelector('figure.scenario').getBoundingClientRect().bottom"
                    + " + window.scrollY) + 16").asInt();
            browser.viewport(WIDTH, bottom);
            Files.write(OUT.resolve("report-" + name + ".png"), browser.screenshot());

            browser.click("input.linear-toggle");
            JsonNode shown = browser.script("const f = document.querySelector('.timeline-figure');"
                    + " return [...f.querySelectorAll('svg.timeline')].filter(s => s.getBoundingClientRect().height > 0)"
                    + ".map(s => s.dataset.scale)");
            assertEquals("[\"linear\"]", shown.toString(), "the checkbox switches the first timeline to the linear axis");
            assertEquals(List.of(), browser.severeLog(), "still no error");
            return parse(drawn);
        }
    }

    private static List<Drawn> parse(JsonNode drawn) {
        List<Drawn> timelines = new ArrayList<>();
        for (JsonNode t : drawn) {
            List<Lane> lanes = new ArrayList<>();
            for (JsonNode l : t.path("lanes")) {
                List<long[]> bars = new ArrayList<>();
                l.path("bars").forEach(b -> bars.add(new long[] {b.get(0).asLong(), b.get(1).asLong()}));
                lanes.add(new Lane(l.path("thread").asText(), l.path("kind").asText(), bars));
            }
            assertEquals("compressed", t.path("scale").asText(), "the compressed axis is the default");
            timelines.add(new Drawn(t.path("scale").asText(), lanes));
        }
        return timelines;
    }

    private static boolean overlap(List<long[]> bars) {
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
