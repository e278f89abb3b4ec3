package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grader.values.Evidence;
import grader.values.ExitRequest;
import grader.values.Site;
import grader.verdict.ModelVerdict;
import grader.verdict.statics.StaticFinding;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published schema of report.json describes GradeReport exactly, and rejects what is not one. */
class ReportSchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String reportJson(GradeReport report, Path dir) throws IOException {
        return Files.readString(JsonReport.write(report, dir));
    }

    static JsonNode schema() throws IOException {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream(ReportSchema.RESOURCE)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void handBuiltReportsAsTheEngineWritesThemAreValid(@TempDir Path dir) throws IOException {
        assertAll(
                () -> assertEquals(List.of(), ReportSchema.problems(reportJson(SampleReports.fullMarks(), dir))),
                () -> assertEquals(List.of(), ReportSchema.problems(reportJson(SampleReports.belowFullMarks(), dir))),
                () -> assertEquals(List.of(), ReportSchema.problems(reportJson(SampleReports.graderError(), dir))));
    }

    @Test
    void aReportWithEvidenceIsValid(@TempDir Path dir) throws IOException {
        Site site = SampleReports.SITE;
        Evidence evidence = new Evidence("fetch", "12 requests, maxWorkers = 3", "request", 12, "maxWorkers", 3, 6, "main", "returned",
                null, 12, 0, 3, new Evidence.RendezvousResult(3, true), Map.of("pool-worker", 12), 3, List.of("pool-1-thread-1"), 3, 0,
                List.of(new Evidence.PoolSeen("tpe", 3, 3, true, site)), List.of(new Evidence.ProcessSeen(List.of("curl", "-s"), null)),
                List.of(), List.of(new Evidence.ThreadWait("main", "WAITING", "java.util.concurrent.FutureTask.awaitDone", null, null, site)),
                site, null, List.of(new Evidence.CallSpan("pool-1-thread-1", "pool-worker", 10, 20, false)),
                Map.of("children-alive-peak", 2L),
                Map.of("digest", new Evidence.StageEvidence(12, 6, Map.of("pool-worker", 12), Map.of("pool-worker", 6), 6,
                        new Evidence.RendezvousResult(6, true))));
        GradeReport.ExerciseReport e = SampleReports.full("fetch");
        ModelVerdict v = SampleReports.verdict(e.verdict().id(), e.verdict().severity().id(), 1, e.verdict().summary(), e.verdict().why(), null,
                site, List.of(evidence));
        GradeReport.ExerciseReport withEvidence = new GradeReport.ExerciseReport(e.id(), e.title(), e.score(), e.maxScore(), e.points(),
                e.formula(), e.stages(), v, e.statics(), e.tests());
        GradeReport.Environment env = new GradeReport.Environment("21", null, false, 60, 600, null, true,
                List.of(new ExitRequest("exit", 1, "course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:9)", null)), "out", true,
                new grader.values.Limits(120, 2048, 4000, 64, 128, "open"));
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, "dev", "/s", "2026-01-01T10:00:00Z", env, List.of(withEvidence), 15, 15, null);
        assertEquals(List.of(), ReportSchema.problems(reportJson(report, dir)));
    }

    @Test
    void aReportMissingARequiredFieldIsInvalid(@TempDir Path dir) throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(reportJson(SampleReports.belowFullMarks(), dir));
        ObjectNode noTotal = report.deepCopy();
        noTotal.remove("score");
        ObjectNode noVerdict = report.deepCopy();
        ((ObjectNode) noVerdict.get("exercises").get(0)).remove("verdict");
        ObjectNode noStatus = report.deepCopy();
        ((ObjectNode) noStatus.get("exercises").get(0).get("tests").get(0)).remove("status");
        assertAll(
                () -> assertTrue(ReportSchema.problems(noTotal.toString()).toString().contains("score"), ReportSchema.problems(noTotal.toString()).toString()),
                () -> assertTrue(ReportSchema.problems(noVerdict.toString()).toString().contains("verdict")),
                () -> assertTrue(ReportSchema.problems(noStatus.toString()).toString().contains("status")));
    }

    @Test
    void anotherSchemaVersionAnUnknownFieldOrAnUnknownStatusIsInvalid(@TempDir Path dir) throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(reportJson(SampleReports.fullMarks(), dir));
        ObjectNode v2 = report.deepCopy().put("schemaVersion", GradeReport.SCHEMA_VERSION - 1);
        ObjectNode extra = report.deepCopy().put("grade", "A");
        ObjectNode green = report.deepCopy();
        ((ObjectNode) green.get("exercises").get(0).get("tests").get(0)).put("status", "green");
        ObjectNode badDate = report.deepCopy().put("gradedAt", "yesterday");
        assertAll(
                () -> assertFalse(ReportSchema.problems(v2.toString()).isEmpty()),
                () -> assertFalse(ReportSchema.problems(extra.toString()).isEmpty()),
                () -> assertFalse(ReportSchema.problems(green.toString()).isEmpty()),
                () -> assertFalse(ReportSchema.problems(badDate.toString()).isEmpty()));
    }

    /** Each record of the report and the schema definition that describes it. */
    static Map<Class<? extends Record>, String> definitions() {
        Map<Class<? extends Record>, String> d = new LinkedHashMap<>();
        d.put(GradeReport.class, "");
        d.put(GradeReport.Environment.class, "environment");
        d.put(ExitRequest.class, "exitRequest");
        d.put(GradeReport.ExerciseReport.class, "exercise");
        d.put(GradeReport.Points.class, "points");
        d.put(GradeReport.Part.class, "part");
        d.put(GradeReport.Stage.class, "stage");
        d.put(ModelVerdict.class, "verdict");
        d.put(ModelVerdict.Flaw.class, "flaw");
        d.put(Site.class, "site");
        d.put(Evidence.class, "evidence");
        d.put(Evidence.PoolSeen.class, "pool");
        d.put(Evidence.ProcessSeen.class, "process");
        d.put(Evidence.ThreadWait.class, "wait");
        d.put(Evidence.CallSpan.class, "callSpan");
        d.put(StaticFinding.class, "staticFinding");
        d.put(GradeReport.TestResult.class, "test");
        return d;
    }

    @Test
    void everyRecordComponentIsARequiredPropertyAndNothingElse() throws IOException {
        JsonNode schema = schema();
        for (Map.Entry<Class<? extends Record>, String> d : definitions().entrySet()) {
            JsonNode def = d.getValue().isEmpty() ? schema : schema.get("$defs").get(d.getValue());
            Set<String> components = new TreeSet<>(Arrays.stream(d.getKey().getRecordComponents()).map(RecordComponent::getName).toList());
            Set<String> properties = new TreeSet<>();
            def.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            def.get("required").forEach(n -> required.add(n.asText()));
            assertAll(d.getKey().getName(),
                    () -> assertEquals(components, properties, "properties of " + d.getValue()),
                    () -> assertEquals(components, required, "required of " + d.getValue()),
                    () -> assertFalse(def.get("additionalProperties").asBoolean(true), "additionalProperties false"));
        }
        JsonNode rendezvous = schema.get("$defs").get("evidence").get("properties").get("rendezvous").get("anyOf").get(1);
        Set<String> components = new TreeSet<>(Arrays.stream(Evidence.RendezvousResult.class.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> properties = new TreeSet<>();
        rendezvous.get("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(components, properties);
    }

    @Test
    void primitiveComponentsAreNeverNullInTheSchema() throws IOException {
        JsonNode schema = schema();
        for (Map.Entry<Class<? extends Record>, String> d : definitions().entrySet()) {
            JsonNode def = d.getValue().isEmpty() ? schema : schema.get("$defs").get(d.getValue());
            for (RecordComponent c : d.getKey().getRecordComponents()) {
                JsonNode type = def.get("properties").get(c.getName()).get("type");
                if (c.getType().isPrimitive() && type != null) {
                    assertFalse(type.toString().contains("null"), d.getKey().getSimpleName() + "." + c.getName() + " is primitive: " + type);
                }
            }
        }
    }

    @Test
    void theSchemaVersionIsTheReportsOwn() throws IOException {
        assertEquals(GradeReport.SCHEMA_VERSION, schema().get("properties").get("schemaVersion").get("const").asInt());
    }
}
