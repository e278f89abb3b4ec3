package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import grader.verdict.ModelVerdict;
import grader.verdict.statics.StaticFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub Classroom's runner results, read and added up as autograding-grading-reporter does ({@link ClassroomReporter}):
 * its table and its "Points" notice must print the same totals for any submission.
 */
class ClassroomExporterTest {

    /** {@return the written file's runners, as the reporter reads them from the step's outputs} */
    static Map<String, JsonNode> written(GradeReport report, Path dir, Audience audience) throws IOException {
        Path file = Exporters.byId("classroom").orElseThrow().write(report, dir, audience);
        assertEquals(dir.resolve("classroom-result.txt"), file);
        return runners(Files.readString(file));
    }

    static Map<String, JsonNode> runners(String lines) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (String line : lines.strip().split("\n")) {
            int eq = line.indexOf('=');
            ids.add(line.substring(0, eq));
            env.put(line.substring(0, eq).toUpperCase(java.util.Locale.ROOT) + "_RESULTS", line.substring(eq + 1));
        }
        return ClassroomReporter.fromEnvironment(String.join(",", ids), env);
    }

    static List<JsonNode> tests(JsonNode result) {
        return StreamSupport.stream(result.get("tests").spliterator(), false).toList();
    }

    @Test
    void oneRunnerPerExercisePartWithAlphanumericIds(@TempDir Path dir) throws IOException {
        Map<String, JsonNode> r = written(SampleReports.fullMarks(), dir, Audience.LEARNER);
        assertEquals(List.of("fetchfunctional", "fetchmodel", "fetchstatic", "computefunctional", "computemodel", "computestatic"),
                List.copyOf(r.keySet()));
        r.keySet().forEach(id -> assertTrue(id.matches("[a-zA-Z0-9]+"), id + ": the reporter's runners input allows letters and digits"));
        JsonNode functional = r.get("fetchfunctional");
        assertAll(
                () -> assertEquals(1, functional.get("version").asInt()),
                () -> assertEquals("pass", functional.get("status").asText()),
                () -> assertEquals(6.0, functional.get("max_score").asDouble()),
                () -> assertEquals(List.of("fetch: public StatusFetcherTest.returnsStatuses", "fetch: hidden FetchHiddenTest.worksWithMoreWorkers",
                        "fetch: hidden FetchHiddenTest.nobodySeesThis"), tests(functional).stream().map(t -> t.get("name").asText()).toList()));
        ClassroomReporter.Printed printed = ClassroomReporter.run(r);
        assertEquals("Points 30/30", printed.notice());
        assertEquals("Total: 30/30", printed.table());
    }

    @Test
    void theSamplePartialSubmissionShowsOneTotalInTableAndNotice(@TempDir Path dir) throws IOException {
        GradeReport report = SampleReports.belowFullMarks();
        ClassroomReporter.Printed printed = ClassroomReporter.run(written(report, dir, Audience.LEARNER));
        assertAll(
                () -> assertEquals(printed.table().replace("Total: ", "Points "), printed.notice()),
                () -> assertEquals(report.score(), printed.noticePoints(), 0.005 * 6, "within a cent per part of the report's " + report.score()),
                () -> assertEquals(30.0, printed.noticeMax()));
    }

    /**
     * Any partial submission, made as the engine makes reports (each part k/n of its points, rounded to cents): the
     * reporter's table and notice print the same total, within a cent per part of the report's.
     */
    @Test
    void forAnyPartialSubmissionTheTableAndTheNoticeAgree(@TempDir Path dir) throws IOException {
        Random random = new Random(13);
        for (int run = 0; run < 500; run++) {
            int exercises = 1 + random.nextInt(7);
            List<GradeReport.ExerciseReport> list = new ArrayList<>();
            double total = 0;
            double max = 0;
            for (int x = 0; x < exercises; x++) {
                GradeReport.ExerciseReport e = randomExercise("ex" + x, random);
                list.add(e);
                total = Math.round((total + e.score()) * 100) / 100.0;
                max += e.maxScore();
            }
            GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, "t", "/s", "2026-01-01T00:00:00Z", null, list, total, max, null);
            Map<String, JsonNode> runners = ClassroomExporter.results(report).entrySet().stream().collect(LinkedHashMap::new,
                    (m, en) -> m.put(en.getKey(), ClassroomExporterTest.json(en.getValue())), Map::putAll);
            ClassroomReporter.Printed printed = ClassroomReporter.run(runners);
            String what = "run " + run + ": " + report.exercises().stream().map(ExerciseReportText::of).toList();
            assertEquals(printed.table().replace("Total: ", "Points "), printed.notice(), what);
            assertEquals(report.score(), printed.noticePoints(), 0.005 * 3 * exercises + 1e-9, what);
        }
    }

    static JsonNode json(ClassroomExporter.Result r) {
        try {
            return ClassroomReporterJson.MAPPER.readTree(ClassroomReporterJson.MAPPER.writeValueAsBytes(r));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class ClassroomReporterJson {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    }

    private static final class ExerciseReportText {
        static String of(GradeReport.ExerciseReport e) {
            return e.id() + " " + e.formula();
        }
    }

    /** An exercise as the engine scores one: functional max x passed/n, model max x share, static max x held/rules, each rounded to cents. */
    static GradeReport.ExerciseReport randomExercise(String id, Random random) {
        int[] maxes = {random.nextInt(12), random.nextInt(12), random.nextInt(4)};
        int n = 1 + random.nextInt(15);
        int passed = random.nextInt(n + 1);
        double share = new double[] {0, 0.25, 0.5, 0.75, 1, 1.0 / 3}[random.nextInt(6)];
        int rules = random.nextInt(5);
        int held = rules == 0 ? 0 : random.nextInt(rules + 1);
        boolean works = passed > 0;
        double f = round(maxes[0] * (double) passed / n);
        double m = round(maxes[1] * share);
        double s = round(rules == 0 || !works ? 0 : maxes[2] * (double) held / rules);
        List<GradeReport.TestResult> tests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String kind = i % 3 == 2 ? "hidden" : "public";
            tests.add(new GradeReport.TestResult(id + i, "t" + i + "()", SampleReports.kind(kind), "course.X", "t" + i,
                    i < passed ? TestStatus.PASSED : TestStatus.FAILED,
                    "hidden".equals(kind) ? "after_due_date" : "visible", i < passed ? null : "no", null, (long) i, null));
        }
        List<StaticFinding> statics = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            statics.add(new StaticFinding("r" + i, "rule " + i, "because", i < held, List.of()));
        }
        ModelVerdict v = SampleReports.verdict("fixed-pool", share == 1 ? "info" : share == 0 ? "fail" : "warn", share, "summary", null, null, null, List.of());
        double score = round(f + m + s);
        return new GradeReport.ExerciseReport(id, id, score, maxes[0] + maxes[1] + maxes[2],
                new GradeReport.Points(new GradeReport.Part(f, maxes[0], passed + " of " + n), new GradeReport.Part(m, maxes[1], "v"),
                        new GradeReport.Part(s, maxes[2], held + " of " + rules)),
                maxes[0] + " x " + passed + "/" + n + " + " + maxes[1] + " x " + share + " + " + maxes[2] + " x " + held + "/" + rules,
                List.of(), v, statics, tests);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    @Test
    void atZeroBothTotalsAreZeroAndTheReasonIsPrinted(@TempDir Path dir) throws IOException {
        Map<String, JsonNode> r = written(SampleReports.report(0, 15, null, SampleReports.compileError()), dir, Audience.LEARNER);
        ClassroomReporter.Printed printed = ClassroomReporter.run(r);
        assertAll(
                () -> assertEquals("Points 0/15", printed.notice()),
                () -> assertEquals("Total: 0/15", printed.table()),
                () -> assertTrue(tests(r.get("computefunctional")).get(0).get("test_code").asText().contains("compile stage failed"),
                        "the reporter prints test_code, never message"));
    }

    @Test
    void everyEntryHasTheFieldsTheReporterReadsWithTheirTypes(@TempDir Path dir) throws IOException {
        for (JsonNode runner : written(SampleReports.belowFullMarks(), dir, Audience.LEARNER).values()) {
            assertTrue(tests(runner).size() > 0, "the reporter divides by the entry count");
            for (JsonNode t : tests(runner)) {
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
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void failingEntriesCarryTheLearnersLineTheirTimeAndNoHiddenMessage(@TempDir Path dir) throws IOException {
        // The sample's functional part says 13 of 14 tests; the engine's says what its tests say: 1 of 5 passed.
        GradeReport.ExerciseReport p = SampleReports.partial();
        GradeReport.ExerciseReport e = new GradeReport.ExerciseReport(p.id(), p.title(), 5.95, p.maxScore(),
                new GradeReport.Points(new GradeReport.Part(1.2, 6, "1 of 5 tests passed"), p.points().model(), p.points().statics()),
                p.formula(), p.stages(), p.verdict(), p.statics(), p.tests());
        GradeReport report = SampleReports.report(5.95, 15, null, e);
        Map<String, JsonNode> r = written(report, dir, Audience.LEARNER);
        JsonNode model = tests(r.get("fetchmodel")).get(1);
        Map<String, JsonNode> functional = new LinkedHashMap<>();
        tests(r.get("fetchfunctional")).forEach(t -> functional.put(t.get("name").asText(), t));
        JsonNode rejectsNull = functional.get("fetch: public StatusFetcherTest.rejectsNull");
        JsonNode secret = functional.get("fetch: hidden FetchHiddenTest.secretCase");
        assertAll(
                () -> assertEquals("fetch: concurrency model (virtual-threads), share 2 of 2", model.get("name").asText()),
                () -> assertEquals("fail", model.get("status").asText()),
                () -> assertEquals("src/main/java/course/fetch/StatusFetcher.java", model.get("filename").asText()),
                () -> assertEquals(44, model.get("line_no").asInt()),
                () -> assertTrue(model.get("test_code").asText().contains("hint: Use Executors.newFixedThreadPool(maxWorkers).")),
                () -> assertEquals(SampleReports.SLEEPER_MILLIS, rejectsNull.get("duration").asLong()),
                () -> assertEquals(23, rejectsNull.get("line_no").asInt()),
                () -> assertEquals("src/main/java/course/fetch/StatusFetcher.java", rejectsNull.get("filename").asText()),
                () -> assertTrue(secret.get("test_code").asText().contains("details not shown yet"), secret.toString()),
                () -> assertTrue(!secret.toString().contains("hidden message"), secret.toString()),
                () -> assertEquals(0, secret.get("line_no").asInt()));
        ClassroomReporter.Printed printed = ClassroomReporter.run(r);
        assertAll(
                () -> assertEquals("Points 5.95/15", printed.notice(), "1.2 + 4 + 0.75: every part is an exact share here"),
                () -> assertEquals("Total: 5.95/15", printed.table()));
        String staff = Files.readString(Exporters.byId("classroom").orElseThrow().write(report, dir.resolve("s"), Audience.STAFF));
        assertTrue(runners(staff).get("fetchfunctional").toString().contains("hidden message"), "staff see everything");
    }

    @Test
    void aGraderErrorIsStatusError(@TempDir Path dir) throws IOException {
        written(SampleReports.graderError(), dir, Audience.LEARNER).values()
                .forEach(runner -> assertEquals("error", runner.get("status").asText()));
    }

    @Test
    void withGithubOutputSetEveryRunnerIsAStepOutputOfItsName(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("github-output");
        Files.writeString(output, "earlier=1\n");
        byte[] rendered = Exporters.byId("classroom").orElseThrow().render(SampleReports.fullMarks(), Audience.LEARNER);
        ClassroomExporter.publish(rendered, name -> "GITHUB_OUTPUT".equals(name) ? output.toString() : null);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertAll(
                () -> assertEquals(7, lines.size()),
                () -> assertEquals("earlier=1", lines.get(0)),
                () -> assertTrue(lines.get(1).startsWith("fetchfunctional=")),
                () -> assertTrue(lines.stream().skip(1).allMatch(l -> l.matches("[a-z0-9]+=[A-Za-z0-9+/=]+")), "base64, safe as a step output"));
    }

    /** The workflow in docs/staff.md names exactly the runners the grader writes, each read from the step output of its name. */
    @Test
    void theDocumentedWorkflowReadsEveryRunnerTheGraderWrites() throws IOException {
        Path repo = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
        String docs = Files.readString(repo.resolve("docs/staff.md"));
        int reporter = docs.indexOf("uses: classroom-resources/autograding-grading-reporter@v1");
        assertTrue(reporter > 0, "docs/staff.md shows the reporter step");
        String step = docs.substring(reporter, docs.indexOf("```", reporter));
        java.util.regex.Matcher runners = java.util.regex.Pattern.compile("runners: (\\S+)").matcher(step);
        assertTrue(runners.find(), step);
        List<String> expected = new ArrayList<>();
        for (String exercise : grader.verdict.ExerciseSpec.KNOWN) {
            for (String part : List.of("functional", "model", "static")) {
                expected.add(ClassroomExporter.runnerId(exercise, part));
            }
        }
        java.util.regex.Matcher env = java.util.regex.Pattern.compile(
                "([A-Z0-9]+)_RESULTS: \"\\$\\{\\{ steps\\.grader\\.outputs\\.([a-z0-9]+) }}\"").matcher(step);
        List<String> variables = new ArrayList<>();
        while (env.find()) {
            assertEquals(env.group(1), env.group(2).toUpperCase(java.util.Locale.ROOT), env.group());
            variables.add(env.group(2));
        }
        assertAll(
                () -> assertEquals(expected, List.of(runners.group(1).split(","))),
                () -> assertEquals(expected, variables));
    }
}
