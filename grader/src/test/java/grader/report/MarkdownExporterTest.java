package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.md for a CI job summary: the report's totals, the verdict's feedback, and tables that stay tables. */
class MarkdownExporterTest {

    static String written(GradeReport report, Path dir) throws IOException {
        Path file = Exporters.byId("markdown").orElseThrow().write(report, dir, Audience.LEARNER);
        assertEquals(dir.resolve("summary.md"), file);
        return Files.readString(file);
    }

    /** The cells of a table row: pipes a learner's text carried are escaped, so they do not count. */
    static int cells(String row) {
        return row.replace("\\|", "").split("\\|", -1).length - 2;
    }

    @Test
    void theHeadlineAndTheTotalRowAreTheReportsTotal(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.belowFullMarks(), dir);
        assertAll(
                () -> assertTrue(md.startsWith("# Grade: 10.32/30\n"), md),
                () -> assertTrue(md.contains("| fetch | **10.32/15** | 5.57/6 | 4/8 | 0.75/1 | ⚠️ `virtual-threads` |"), md),
                () -> assertTrue(md.contains("| compute | **0/15** | 0/6 | 0/8 | 0/1 | ❌ `compile-error` |"), md),
                () -> assertTrue(md.contains("| **total** | **10.32/30** |"), md));
    }

    @Test
    void fullMarksSayFullMarks(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.fullMarks(), dir);
        assertAll(() -> assertTrue(md.startsWith("# Grade: 30/30 (full marks)\n"), md),
                () -> assertTrue(md.contains("✅ `fixed-pool`"), md),
                () -> assertFalse(md.contains("did not pass"), md));
    }

    @Test
    void eachExerciseHasAPartsTableWithItsFormula(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.belowFullMarks(), dir);
        assertAll(
                () -> assertTrue(md.contains("## fetch: 10.32/15, `virtual-threads`"), md),
                () -> assertTrue(md.contains("| functional | 5.57/6 | 13 of 14 tests passed |"), md),
                () -> assertTrue(md.contains("| model | 4/8 | virtual-threads (warn) |"), md),
                () -> assertTrue(md.contains("| static | 0.75/1 | 3 of 4 static rules hold |"), md),
                () -> assertTrue(md.contains("| **score** | **10.32/15** | functional 6 x 13/14 tests"), md));
    }

    @Test
    void theVerdictShowsEvidenceWhyHintAndLine(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.belowFullMarks(), dir);
        assertAll(
                () -> assertTrue(md.contains("**Evidence:** Your 12 requests ran on 12 virtual threads"), md),
                () -> assertTrue(md.contains("**Why:** Works, but the exercise asks for a bounded pool."), md),
                () -> assertTrue(md.contains("**Hint:** Use Executors.newFixedThreadPool(maxWorkers)."), md),
                () -> assertTrue(md.contains("**Line:** `course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:44)`"), md));
    }

    @Test
    void failingTestsAreListedWithTheirTimeAndLineAndHiddenOnesWithoutTheirDetails(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.belowFullMarks(), dir);
        assertAll(
                () -> assertTrue(md.contains("**Tests that did not pass** (4 of 5):"), md),
                () -> assertTrue(md.contains("- ❌ public `StatusFetcherTest.rejectsNull` (312 ms): expected &lt;1&gt;"), md),
                () -> assertTrue(md.contains("at `course.fetch.StatusFetcher.fetch(StatusFetcher.java:23)`"), md),
                () -> assertTrue(md.contains("- ⏭️ public `StatusFetcherTest.skippedOne` (skipped)"), md),
                () -> assertTrue(md.contains("- ❌ hidden `FetchHiddenTest.secretCase` (7 ms): failed, details not shown yet (shown after due date)\n"), md),
                () -> assertFalse(md.contains("hidden message"), md),
                () -> assertFalse(md.contains("StatusFetcher.java:31"), "a hidden test's line is a detail too"),
                () -> assertTrue(md.contains("## Slowest tests\n\n| test | time |\n|---|--:|\n| public `StatusFetcherTest.rejectsNull` | 312 ms |"), md),
                () -> assertFalse(md.contains("threeWorkers"), "model checks speak through the verdict"));
        String staff = new String(Exporters.byId("markdown").orElseThrow().render(SampleReports.belowFullMarks(), Audience.STAFF),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(staff.contains("`FetchHiddenTest.secretCase` (7 ms): hidden message: expected -1 at `course.fetch.StatusFetcher.fetch(StatusFetcher.java:31)`"),
                staff);
    }

    @Test
    void aCompileErrorAndABrokenStaticRuleAreShownWithTheirLocations(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.belowFullMarks(), dir);
        assertAll(
                () -> assertTrue(md.contains("**compile failed:** 1 compile error; first: src/main/java/course/compute/FactorialSums.java:13"), md),
                () -> assertTrue(md.contains("```\nsrc/main/java/course/compute/FactorialSums.java:13: ';' expected\n```"), md),
                () -> assertTrue(md.contains("- no Executors.newCachedThreadPool, because a cached pool has no upper bound"), md),
                () -> assertTrue(md.contains("(StatusFetcher.java:30)`"), md));
    }

    @Test
    void aLearnersPipesAndMarkupCannotBreakATable(@TempDir Path dir) throws IOException {
        GradeReport.ExerciseReport e = SampleReports.partial();
        GradeReport.ExerciseReport piped = new GradeReport.ExerciseReport(e.id(), "a | b", e.score(), e.maxScore(),
                new GradeReport.Points(new GradeReport.Part(5.57, 6, "13 | 14 " + SampleReports.NASTY), e.points().model(), e.points().statics()),
                e.formula(), e.stages(), e.verdict(), e.statics(), e.tests());
        String md = written(SampleReports.report(10.32, 15, null, piped), dir);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertAll(
                () -> assertTrue(rows.stream().filter(r -> r.startsWith("| exercise") || r.startsWith("| fetch") || r.startsWith("| **total"))
                        .allMatch(r -> cells(r) == 6), rows.toString()),
                () -> assertTrue(rows.stream().filter(r -> r.startsWith("| part") || r.startsWith("| functional") || r.startsWith("| model"))
                        .allMatch(r -> cells(r) == 3), rows.toString()),
                () -> assertTrue(md.contains("13 \\| 14 expected &lt;1&gt; & got"), md),
                () -> assertFalse(md.contains("\u0000"), "control characters are dropped"),
                () -> assertTrue(md.contains("\\*bold\\*"), md));
    }

    @Test
    void aGraderErrorIsSaidFirst(@TempDir Path dir) throws IOException {
        String md = written(SampleReports.graderError(), dir);
        assertAll(() -> assertTrue(md.startsWith("# Grade: 0/15 (grader error)\n"), md),
                () -> assertTrue(md.contains("The grader itself failed, so no score is trustworthy: the test JVM could not be run: no java"), md));
    }
}
