package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import grader.report.Gradebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code class.html} opened in a real headless Chromium: it loads with no error logged and nothing fetched, its bars
 * are drawn in proportion to their counts, and a learner's link opens that learner's report. On CI (the {@code CI}
 * variable is set) a missing Chromium or chromedriver fails the test; elsewhere it skips.
 *
 * <p>It also takes the screenshot of the staff guide: to regenerate {@code docs/img/class-page.png}, run
 * {@code mvn -B verify -pl exercises,grader -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClassPageIT}
 * and copy {@code grader/target/class-page/class-page.png} to {@code docs/img/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClassPageIT {
    static final Path OUT = Path.of(System.getProperty("grader.home", "target")).toAbsolutePath().resolve("class-page");
    static final int WIDTH = 1200;

    @BeforeAll
    static void chromiumIsInstalled() {
        boolean present = HtmlBrowser.chromium().isPresent() && HtmlBrowser.chromedriver().isPresent();
        String why = "Chromium or chromedriver is not installed (apt-get install -y chromium chromium-driver; .ci/run does it)";
        if (!present && System.getenv("CI") != null) {
            fail(why + ", and on CI the class page must be checked in a browser");
        }
        Assumptions.assumeTrue(present, why + ", so the class page is not checked in a browser here");
    }

    static Gradebook.Cell cell(double score, String model, String... flaws) {
        return new Gradebook.Cell(score, 15, flaws.length > 0 ? flaws[0] : model, model, List.of(flaws));
    }

    static Gradebook.Row graded(String learner, Gradebook.Cell fetch, Gradebook.Cell compute) {
        Map<String, Gradebook.Cell> cells = new LinkedHashMap<>();
        cells.put("fetch", fetch);
        cells.put("compute", compute);
        return new Gradebook.Row(learner, "graded", fetch.score() + compute.score(), 30, cells, null);
    }

    /** A class of twelve as a teacher meets it: most right, a few common mistakes, one empty folder, one grader failure. */
    static Gradebook sampleClass() {
        List<Gradebook.Row> rows = new ArrayList<>(List.of(
                graded("alice", cell(15, "fixed-pool"), cell(15, "common-pool")),
                graded("ahmed", cell(15, "fixed-pool"), cell(15, "fork-join-pool")),
                graded("bea", cell(15, "virtual-threads"), cell(15, "common-pool")),
                graded("bob", cell(9, "fixed-pool", "leaked-threads"), cell(8, "fixed-pool", "hard-coded-pool-size")),
                graded("carla", cell(7, "sequential"), cell(15, "common-pool")),
                graded("chen", cell(7, "sequential"), cell(8, "fixed-pool", "hard-coded-pool-size")),
                graded("dmitri", cell(9, "fixed-pool", "leaked-threads"), cell(6, "sequential")),
                graded("elif", cell(0, null, "compile-error"), cell(15, "common-pool")),
                graded("femi", cell(15, "fixed-pool"), cell(0, null, "not-submitted")),
                graded("=HYPERLINK(\"x\")", cell(15, "fixed-pool"), cell(8, "fixed-pool", "hard-coded-pool-size"))));
        rows.add(new Gradebook.Row("gus", Gradebook.NOT_SUBMITTED, 0, 30,
                Map.of("fetch", cell(0, null, "not-submitted"), "compute", cell(0, null, "not-submitted")), null));
        rows.add(Gradebook.failed("hana", "the test JVM could not be run: java.io.IOException: Cannot run program \"java\""));
        return new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch", "compute"), rows);
    }

    @Test
    void theClassPageLoadsWithNothingFetchedDrawsItsCountsAndLinksEachLearnerToTheirReport() throws Exception {
        Path dir = OUT.resolve("class");
        Gradebook book = sampleClass();
        for (Gradebook.Row r : book.rows()) {
            Path learner = dir.resolve(r.learner());
            Files.createDirectories(learner);
            Files.writeString(learner.resolve("report.html"), "<!DOCTYPE html><title>report of " + r.learner().length() + "</title>"
                    + "<section id=\"ex-fetch\">fetch</section>");
        }
        book.write(dir);
        Path page = dir.resolve("class.html");
        try (HtmlBrowser browser = HtmlBrowser.start(HtmlBrowser.chromium().orElseThrow(), HtmlBrowser.chromedriver().orElseThrow(),
                OUT, WIDTH, 900)) {
            browser.open(page.toUri());
            List<String> errors = browser.severeLog();
            JsonNode fetched = browser.script("return performance.getEntriesByType('resource').map(r => r.name)");
            JsonNode bins = browser.script("return [...document.querySelectorAll('svg.histogram g.bin')]"
                    + ".map(g => [Number(g.dataset.count), g.querySelector('rect').getBoundingClientRect().height])");
            JsonNode bars = browser.script("return [...document.querySelectorAll('#ex-fetch table.tally.models tr')]"
                    + ".map(tr => [tr.dataset.id, Number(tr.dataset.count), tr.querySelector('.meter span').getBoundingClientRect().width])");
            JsonNode leaked = browser.script("return [...document.querySelectorAll('#common-flaws tr[data-flaw=\"leaked-threads\"] a.learner')]"
                    + ".map(a => a.textContent)");
            assertAll(
                    () -> assertEquals(List.of(), errors, "the browser logged no error"),
                    () -> assertEquals(0, fetched.size(), "nothing was fetched: " + fetched),
                    () -> assertEquals(10, bins.size(), "ten bins: " + bins),
                    () -> assertTrue(proportional(bins), "each bin's bar is as tall as its count says: " + bins),
                    () -> assertEquals("[[\"fixed-pool\",6],[\"sequential\",2],[\"(no model seen)\",1],[\"virtual-threads\",1]]",
                            countsOnly(bars), "fetch's models, most first"),
                    () -> assertTrue(proportional(bars.get(0).get(2).asDouble(), 6, bars.get(1).get(2).asDouble(), 2),
                            "the bars are as wide as their counts say: " + bars),
                    () -> assertEquals("[\"bob\",\"dmitri\"]", leaked.toString(), "the learners with leaked threads"));

            browser.viewport(WIDTH, browser.script("return Math.ceil(document.querySelector('#common-flaws').getBoundingClientRect().bottom"
                    + " + window.scrollY) + 16").asInt());
            Files.write(OUT.resolve("class-page.png"), browser.screenshot());

            // A hostile folder name is a link like any other, and it opens that learner's own report at the exercise.
            browser.click("#common-flaws tr[data-flaw=\"hard-coded-pool-size\"] a.learner[href^=\"%3D\"]");
            JsonNode opened = browser.script("return [document.title, location.hash]");
            // Bounded: WebDriver's click already waits for a navigation it starts; this only confirms it.
            for (int i = 0; i < 50 && !opened.get(0).asText().startsWith("report of"); i++) {
                opened = browser.script("return [document.title, location.hash]");
            }
            assertEquals("[\"report of " + "=HYPERLINK(\"x\")".length() + "\",\"#ex-compute\"]", opened.toString(),
                    "the link opened the learner's report at the exercise");
        }
    }

    private static String countsOnly(JsonNode bars) {
        List<String> out = new ArrayList<>();
        bars.forEach(b -> out.add("[\"" + b.get(0).asText() + "\"," + b.get(1).asInt() + "]"));
        return "[" + String.join(",", out) + "]";
    }

    /** Heights proportional to counts: h_i * c_j == h_j * c_i for the tallest bar j, within a pixel. */
    private static boolean proportional(JsonNode bins) {
        JsonNode tallest = bins.get(0);
        for (JsonNode b : bins) {
            if (b.get(0).asInt() > tallest.get(0).asInt()) {
                tallest = b;
            }
        }
        for (JsonNode b : bins) {
            if (!proportional(b.get(1).asDouble(), b.get(0).asInt(), tallest.get(1).asDouble(), tallest.get(0).asInt())) {
                return false;
            }
        }
        return true;
    }

    private static boolean proportional(double size, int count, double biggest, int most) {
        return most > 0 && Math.abs(size - biggest * count / most) <= 1.5;
    }
}
