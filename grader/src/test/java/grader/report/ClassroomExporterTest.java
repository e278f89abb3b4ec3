package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub Classroom's runner result, decoded as autograding-grading-reporter decodes it: the notice sums
 * {@code tests[].score}, the console table counts entries with status {@code pass}.
 */
class ClassroomExporterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode decode(String base64) throws IOException {
        return JSON.readTree(Base64.getDecoder().decode(base64.trim()));
    }

    static JsonNode written(GradeReport report, Path dir) throws IOException {
        Path file = new ClassroomExporter(name -> null).write(report, dir);
        assertEquals(dir.resolve("classroom-result.txt"), file);
        return decode(Files.readString(file));
    }

    static List<JsonNode> tests(JsonNode result) {
        return StreamSupport.stream(result.get("tests").spliterator(), false).toList();
    }

    /** The reporter's notice, which Classroom records: the sum of the scores. */
    static BigDecimal notice(JsonNode result) {
        return tests(result).stream().map(t -> t.get("score").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The reporter's console table: entries with status pass, over all entries, times max_score. */
    static double table(JsonNode result) {
        long pass = tests(result).stream().filter(t -> "pass".equals(t.get("status").asText())).count();
        return (double) pass / result.get("tests").size() * result.get("max_score").asDouble();
    }

    @Test
    void fullMarksPassAndTheTableAgreesWithTheNotice(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.fullMarks(), dir);
        assertAll(
                () -> assertEquals(1, r.get("version").asInt()),
                () -> assertEquals("pass", r.get("status").asText()),
                () -> assertEquals(new BigDecimal("30.0"), r.get("max_score").decimalValue()),
                () -> assertEquals(0, notice(r).compareTo(new BigDecimal("30"))),
                () -> assertEquals(30.0, table(r)),
                () -> assertEquals(6, r.get("tests").size()),
                () -> assertTrue(tests(r).stream().allMatch(t -> "pass".equals(t.get("status").asText()))));
    }

    @Test
    void partialCreditScoresSumToTheReportTotalAndPassOnlyAtFullPoints(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.belowFullMarks(), dir);
        Map<String, String> status = new java.util.HashMap<>();
        tests(r).forEach(t -> status.put(t.get("name").asText(), t.get("status").asText()));
        assertAll(
                () -> assertEquals("fail", r.get("status").asText(), "below full marks: the reporter fails the job"),
                () -> assertEquals(0, notice(r).compareTo(new BigDecimal("10.32")), "notice " + notice(r)),
                () -> assertEquals(new BigDecimal("30.0"), r.get("max_score").decimalValue()),
                () -> assertEquals("fail", status.get("fetch: functional tests"), "5.57 of 6 is not a pass"),
                () -> assertEquals("fail", status.get("fetch: concurrency model (virtual-threads)")),
                () -> assertEquals("fail", status.get("compute: static rules")));
    }

    @Test
    void atZeroTheTableAgreesWithTheNoticeToo(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.report(0, 15, null, SampleReports.compileError()), dir);
        assertAll(
                () -> assertEquals(0, notice(r).signum()),
                () -> assertEquals(0.0, table(r)),
                () -> assertTrue(tests(r).get(0).get("message").asText().contains("compile failed")));
    }

    @Test
    void everyEntryHasTheFieldsTheReporterReadsWithTheirTypes(@TempDir Path dir) throws IOException {
        JsonNode r = written(SampleReports.belowFullMarks(), dir);
        for (JsonNode t : tests(r)) {
            assertAll(t.toString(),
                    () -> assertEquals(Set.of("name", "status", "score", "message", "test_code", "filename", "line_no", "duration"),
                            Set.copyOf(iterable(t))),
                    () -> assertTrue(t.get("name").isTextual()),
                    () -> assertTrue(Set.of("pass", "fail", "error").contains(t.get("status").asText())),
                    () -> assertTrue(t.get("score").isNumber()),
                    () -> assertTrue(t.get("message").isTextual()),
                    () -> assertTrue(t.get("test_code").isTextual()),
                    () -> assertTrue(t.get("filename").isTextual()),
                    () -> assertTrue(t.get("line_no").isIntegralNumber()),
                    () -> assertTrue(t.get("duration").isIntegralNumber()));
        }
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theModelEntryPointsAtTheVerdictsLine(@TempDir Path dir) throws IOException {
        JsonNode model = tests(written(SampleReports.belowFullMarks(), dir)).get(1);
        assertAll(
                () -> assertEquals("fetch: concurrency model (virtual-threads)", model.get("name").asText()),
                () -> assertEquals("src/main/java/course/fetch/StatusFetcher.java", model.get("filename").asText()),
                () -> assertEquals(44, model.get("line_no").asInt()),
                () -> assertTrue(model.get("message").asText().contains("hint: Use Executors.newFixedThreadPool(maxWorkers).")));
    }

    @Test
    void aGraderErrorIsStatusError(@TempDir Path dir) throws IOException {
        assertEquals("error", written(SampleReports.graderError(), dir).get("status").asText());
    }

    @Test
    void withGithubOutputSetTheResultIsAppendedAsAStepOutput(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("github-output");
        Files.writeString(output, "earlier=1\n");
        Path file = new ClassroomExporter(name -> "GITHUB_OUTPUT".equals(name) ? output.toString() : null)
                .write(SampleReports.fullMarks(), dir.resolve("reports"));
        String encoded = Files.readString(file).trim();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertAll(
                () -> assertEquals(List.of("earlier=1", "result=" + encoded), lines),
                () -> assertTrue(encoded.matches("[A-Za-z0-9+/=]+"), "one line of base64, safe as a step output"));
    }
}
