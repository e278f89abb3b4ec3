package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradescope's results.json: Gradescope's own rules, the report's totals, visibility. */
class GradescopeExporterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode written(GradeReport report, Path dir) throws IOException {
        Path file = Exporters.byId("gradescope").orElseThrow().write(report, dir, Audience.LEARNER);
        assertEquals(dir.resolve("results.json"), file);
        return JSON.readTree(file.toFile());
    }

    static List<JsonNode> tests(JsonNode results) {
        return StreamSupport.stream(results.get("tests").spliterator(), false).toList();
    }

    static List<JsonNode> scored(JsonNode results) {
        return tests(results).stream().filter(t -> t.has("score")).toList();
    }

    static JsonNode named(JsonNode results, String name) {
        return tests(results).stream().filter(t -> t.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no test named " + name + " in " + results.get("tests")));
    }

    @Test
    void fullMarksFollowGradescopesRulesAndShowTheReportTotal(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.fullMarks(), dir);
        assertAll(
                () -> assertEquals(List.of(), GradescopeRules.problems(r)),
                () -> assertEquals(new BigDecimal("30.0"), r.get("score").decimalValue()),
                () -> assertEquals(6, scored(r).size(), "functional, model and static for each of two exercises"),
                () -> assertTrue(scored(r).stream().allMatch(t -> t.get("score").decimalValue().compareTo(t.get("max_score").decimalValue()) == 0)),
                () -> assertEquals("md", r.get("output_format").asText()),
                () -> assertEquals("hidden", r.get("stdout_visibility").asText(), "stdout has the console summary of every test"),
                () -> assertFalse(r.has("execution_time"), "no test of this report has a duration, so none is made up"));
    }

    @Test
    void testDurationsAreInTheTestsOutputAndExtraDataAndAddUpToExecutionTime(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.belowFullMarks(), dir);
        JsonNode sleeper = named(r, "fetch: public test StatusFetcherTest.rejectsNull");
        assertAll(
                () -> assertEquals(List.of(), GradescopeRules.problems(r)),
                () -> assertTrue(r.get("execution_time").asDouble() >= 0.3, r.get("execution_time").toString()),
                () -> assertEquals(0.319, r.get("execution_time").asDouble(), 1e-9, "312 ms and 7 ms"),
                () -> assertTrue(sleeper.get("output").asText().startsWith("failed in 312 ms: "), sleeper.get("output").asText()),
                () -> assertEquals(SampleReports.SLEEPER_MILLIS, sleeper.get("extra_data").get("duration_ms").asLong()));
    }

    @Test
    void partialCreditEntriesAddUpToTheReportTotalExactly(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.belowFullMarks(), dir);
        JsonNode functional = named(r, "fetch: functional tests");
        JsonNode model = named(r, "fetch: concurrency model (virtual-threads)");
        assertAll(
                () -> assertEquals(List.of(), GradescopeRules.problems(r)),
                () -> assertEquals(new BigDecimal("10.32"), r.get("score").decimalValue()),
                () -> assertEquals(new BigDecimal("5.57"), functional.get("score").decimalValue()),
                () -> assertEquals(new BigDecimal("6.0"), functional.get("max_score").decimalValue()),
                () -> assertEquals(new BigDecimal("4.0"), model.get("score").decimalValue()),
                () -> assertEquals(new BigDecimal("0.0"), named(r, "compute: functional tests").get("score").decimalValue()));
    }

    @Test
    void theModelEntryCarriesTheVerdictsEvidenceWhyHintAndLine(@TempDir Path dir) throws IOException {
        String output = named(written(SampleReports.belowFullMarks(), dir), "fetch: concurrency model (virtual-threads)").get("output").asText();
        assertAll(
                () -> assertTrue(output.contains("Your 12 requests ran on 12 virtual threads"), output),
                () -> assertTrue(output.contains("Works, but the exercise asks for a bounded pool."), output),
                () -> assertTrue(output.contains("hint: Use Executors.newFixedThreadPool(maxWorkers)."), output),
                () -> assertTrue(output.contains("at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:44)"), output));
    }

    @Test
    void aCompileErrorIsExplainedInTheFunctionalAndModelEntries(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.belowFullMarks(), dir);
        assertAll(
                () -> assertTrue(named(r, "compute: functional tests").get("output").asText().contains("compile failed: 1 compile error")),
                () -> assertTrue(named(r, "compute: concurrency model (compile-error)").get("output").asText()
                        .contains("Fix the first error")));
    }

    @Test
    void everyPublicAndHiddenTestIsAnUnscoredEntryWithItsStatusAndVisibility(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.belowFullMarks(), dir);
        List<JsonNode> informational = tests(r).stream().filter(t -> !t.has("score")).toList();
        JsonNode secret = named(r, "fetch: hidden test FetchHiddenTest.secretCase");
        assertAll(
                () -> assertEquals(5 + 2, informational.size(), "fetch: 4 public and 1 hidden; compute: 1 public and 1 hidden; no model checks"),
                () -> assertTrue(informational.stream().noneMatch(t -> t.has("max_score"))),
                () -> assertEquals("failed", named(r, "fetch: public test StatusFetcherTest.rejectsNull").get("status").asText()),
                () -> assertEquals("passed", named(r, "fetch: public test StatusFetcherTest.returnsStatuses").get("status").asText()),
                () -> assertFalse(named(r, "fetch: public test StatusFetcherTest.skippedOne").has("status"), "not run is neither green nor red"),
                () -> assertFalse(named(r, "compute: public test course.compute.FactorialSumsTest").has("status")),
                () -> assertEquals("after_due_date", secret.get("visibility").asText()),
                () -> assertTrue(secret.get("output").asText().contains("hidden message: expected -1")),
                () -> assertEquals("visible", named(r, "fetch: public test StatusFetcherTest.rejectsNull").get("visibility").asText()));
    }

    @Test
    void theSummaryEveryoneSeesNamesNoDetailsOfTestsThatAreNotVisible(@TempDir Path dir) throws IOException {
        String output = written(SampleReports.belowFullMarks(), dir).get("output").asText();
        assertAll(
                () -> assertFalse(output.contains("hidden message"), output),
                () -> assertFalse(output.contains("StatusFetcher.java:31"), output),
                () -> assertTrue(output.contains("rejectsNull"), output),
                () -> assertTrue(output.contains("`FetchHiddenTest.secretCase` (7 ms): failed, details not shown yet (shown after due date)"), output));
        JsonNode secret = named(written(SampleReports.belowFullMarks(), dir.resolve("again")), "fetch: hidden test FetchHiddenTest.secretCase");
        assertAll("its own entry keeps its details: Gradescope withholds it until the due date",
                () -> assertEquals("after_due_date", secret.get("visibility").asText()),
                () -> assertTrue(secret.get("output").asText().contains("hidden message"), secret.toString()));
    }

    @Test
    void aTestThatNobodySeesKeepsItsHiddenVisibility(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.fullMarks(), dir);
        assertEquals("hidden", named(r, "fetch: hidden test FetchHiddenTest.nobodySeesThis").get("visibility").asText());
    }

    @Test
    void aGraderErrorShowsTheReportsZeroAndTheReason(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.graderError(), dir);
        assertAll(
                () -> assertEquals(List.of(), GradescopeRules.problems(r)),
                () -> assertEquals(0, r.get("score").decimalValue().signum()),
                () -> assertTrue(r.get("output").asText().contains("the test JVM could not be run: no java"), r.get("output").asText()),
                () -> assertEquals("the test JVM could not be run: no java", r.get("extra_data").get("graderError").asText()));
    }

    @Test
    void aReportWhosePartsDoNotAddUpIsRefusedAndNothingIsWritten(@TempDir Path dir) {
        GradeReport wrong = SampleReports.report(31, 30, null, SampleReports.full("fetch"), SampleReports.full("compute"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Exporters.byId("gradescope").orElseThrow().write(wrong, dir, Audience.LEARNER));
        assertAll(
                () -> assertTrue(e.getMessage().contains("the exercises sum to 30, but the report says 31"), e.getMessage()),
                () -> assertFalse(Files.exists(dir.resolve("results.json"))));
    }
}
