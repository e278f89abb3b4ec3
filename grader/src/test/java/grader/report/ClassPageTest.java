package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class page's content, from a gradebook built in code: what it counts, whom it links, what it escapes. */
class ClassPageTest {
    static final String HOSTILE = "<script>alert(1)</script>\"'&";

    static Gradebook.Cell cell(double score, String model, String... flaws) {
        return new Gradebook.Cell(score, 15, flaws.length > 0 ? flaws[0] : model, model, List.of(flaws));
    }

    static Gradebook.Row graded(String learner, Gradebook.Cell fetch, Gradebook.Cell compute) {
        Map<String, Gradebook.Cell> cells = new LinkedHashMap<>();
        cells.put("fetch", fetch);
        cells.put("compute", compute);
        return new Gradebook.Row(learner, "graded", fetch.score() + compute.score(), 30, cells, null);
    }

    /**
     * Five graded learners (scores 30, 30, 15, 4, 0), one with nothing submitted, one the grader failed on: fetch
     * models fixed-pool x2, sequential x2, none x1; fetch flaws leaked-threads x2 (bob, carl), compile-error x1.
     */
    static Gradebook sample() {
        return new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch", "compute"), List.of(
                graded("alice", cell(15, "fixed-pool"), cell(15, "common-pool")),
                graded("ann", cell(15, "fixed-pool"), cell(15, "common-pool")),
                graded("bob", cell(7, "sequential", "leaked-threads"), cell(8, "common-pool", "hard-coded-pool-size")),
                graded("carl", cell(4, "sequential", "leaked-threads"), cell(0, null, "not-submitted")),
                graded(HOSTILE, cell(0, null, "compile-error"), cell(0, null, "not-submitted")),
                new Gradebook.Row("dave", Gradebook.NOT_SUBMITTED, 0, 30, Map.of("fetch", cell(0, null, "not-submitted"),
                        "compute", cell(0, null, "not-submitted")), null),
                Gradebook.failed("eve", "the test JVM could not be run: <no java>")));
    }

    static String page() {
        return ClassPage.render(sample(), learner -> learner.equals("dave") ? null : learner + "/report.html");
    }

    /** {@return the {@code data-id -> data-count} rows of one tally table in one exercise's section} */
    static Map<String, Integer> tally(String html, String exercise, String kind) {
        String section = html.substring(html.indexOf("<section class=\"exercise\" id=\"ex-" + exercise + "\""));
        section = section.substring(0, section.indexOf("</section>"));
        int start = section.indexOf("<table class=\"tally " + kind + "\"");
        if (start < 0) {
            return Map.of();
        }
        String table = section.substring(start, section.indexOf("</table>", start));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<tr data-id=\"([^\"]*)\" data-count=\"(\\d+)\"").matcher(table);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    /** {@return the text from {@code start} to the first {@code end} after it} */
    static String between(String s, String start, String end) {
        String from = s.substring(s.indexOf(start));
        return from.substring(0, from.indexOf(end));
    }

    @Test
    void perExerciseTheModelsChosenAndTheFlawsFoundAreCountedOverTheGradedLearnersMostFirst() {
        String html = page();
        assertAll(
                () -> assertEquals(Map.of("fixed-pool", 2, "sequential", 2, "(no model seen)", 1), tally(html, "fetch", "models")),
                () -> assertEquals(List.of("fixed-pool", "sequential", "(no model seen)"), List.copyOf(tally(html, "fetch", "models").keySet()),
                        "most first, then by id"),
                () -> assertEquals(Map.of("leaked-threads", 2, "compile-error", 1), tally(html, "fetch", "flaws")),
                () -> assertEquals(Map.of("common-pool", 3, "(no model seen)", 2), tally(html, "compute", "models")),
                () -> assertEquals(Map.of("not-submitted", 2, "hard-coded-pool-size", 1), tally(html, "compute", "flaws")),
                // The spec's expected models are marked, so a teacher tells the right choices from the others.
                () -> assertTrue(html.contains("<tr data-id=\"fixed-pool\" data-count=\"2\" class=\"expected\">"), "fixed-pool is expected for fetch"),
                () -> assertTrue(html.contains("<tr data-id=\"sequential\" data-count=\"2\"><th>"), "sequential is not"));
    }

    @Test
    void theHistogramCountsTheGradedLearnersPerTenthOfTheMaximumWithFullMarksInTheLastBin() {
        String html = page();
        List<Integer> counts = new ArrayList<>();
        Matcher m = Pattern.compile("<g class=\"bin\" data-from=\"[^\"]*\" data-count=\"(\\d+)\"").matcher(html);
        while (m.find()) {
            counts.add(Integer.parseInt(m.group(1)));
        }
        // Scores 30, 30, 15, 4, 0 of 30: bins of 3 points.
        assertEquals(List.of(1, 1, 0, 0, 0, 1, 0, 0, 0, 2), counts);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                ClassPage.bins(List.of(GradebookTest.row("x", 29.99)), 30), "29.99 of 30 is in the last bin");
    }

    @Test
    void theMostCommonFlawsNameTheirLearnersEachLinkedToTheirOwnReportAtThatExercise() {
        String html = page();
        String common = between(html, "<section id=\"common-flaws\">", "</section>");
        List<String> flaws = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-flaw=\"([^\"]*)\" data-exercise=\"([^\"]*)\">").matcher(common);
        while (m.find()) {
            flaws.add(m.group(2) + ":" + m.group(1));
        }
        String leaked = between(common, "data-flaw=\"leaked-threads\"", "</tr>");
        assertAll(
                () -> assertEquals(List.of("compute:not-submitted", "fetch:leaked-threads", "compute:hard-coded-pool-size", "fetch:compile-error"),
                        flaws, "most learners first, then by exercise and flaw"),
                () -> assertTrue(leaked.contains("<a class=\"learner\" href=\"bob/report.html#ex-fetch\">bob</a>"), leaked),
                () -> assertTrue(leaked.contains("<a class=\"learner\" href=\"carl/report.html#ex-fetch\">carl</a>"), leaked),
                () -> assertFalse(leaked.contains("alice"), "only the learners who have the flaw"));
    }

    @Test
    void whoCouldNotBeGradedIsListedWithWhy() {
        String html = page();
        String ungraded = html.substring(html.indexOf("<section id=\"not-graded\">"));
        assertAll(
                () -> assertTrue(ungraded.contains("<tr class=\"not-submitted\"><td><span class=\"learner\">dave</span></td><td>not-submitted</td>"
                        + "<td class=\"why\">no exercise has a source file in the folder</td>"), ungraded),
                () -> assertTrue(ungraded.contains("<a class=\"learner\" href=\"eve/report.html\">eve</a></td><td>grader-error</td>"
                        + "<td class=\"why\">the test JVM could not be run: &lt;no java&gt;</td>"), ungraded),
                () -> assertTrue(html.contains("<li class=\"graded\">5 graded</li><li class=\"status-not-submitted\">1 not submitted</li>"
                        + "<li class=\"status-grader-error\">1 could not be graded</li>"), "the header counts each status"));
    }

    @Test
    void thePageIsSelfContainedAndEscapesEveryLearnerString() {
        String html = page();
        assertAll(
                () -> assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""), "the CSP forbids scripts and fetches"),
                () -> assertFalse(html.toLowerCase().contains("<script"), "no script, not even a learner's"),
                () -> assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"), "the hostile name shows as text"),
                () -> assertFalse(Pattern.compile("(src|href)=\"(https?:|//)").matcher(html).find(), "nothing is fetched or linked off the page"));
    }

    @Test
    void writingTheGradebookWritesTheClassPageLinkingReportsThatExistPercentEncoded(@TempDir Path dir) throws Exception {
        Path shard = dir.resolve("shard-1");
        Files.createDirectories(shard.resolve("=x #1"));
        Files.writeString(shard.resolve("=x #1").resolve("report.html"), "<!DOCTYPE html>");
        Path out = dir.resolve("merged");
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"), List.of(GradebookTest.row("=x #1", 15), GradebookTest.row("zoe", 15)));
        book.write(out, List.of(dir.resolve("shard-0"), shard));
        String html = Files.readString(out.resolve("class.html"));
        assertAll(
                () -> assertEquals("../shard-1/%3Dx%20%231/report.html", Gradebook.reportLink(out, List.of(shard), "=x #1")),
                () -> assertNull(Gradebook.reportLink(out, List.of(shard), "zoe"), "no report, no link"),
                () -> assertTrue(Files.isRegularFile(out.resolve("gradebook.csv"))),
                () -> assertTrue(html.contains("Class report"), html));
    }
}
