package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.engine.GradeRequest;
import grader.engine.Grader;
import grader.engine.GraderHome;
import grader.engine.calibrate.Calibration;
import grader.verdict.ExerciseSpec;
import grader.verdict.TestKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Reports the real engine writes (the reference solutions; a submission that does not compile) are valid
 * against the published schema, and every format shows their totals.
 */
class ReportFormatsIT {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static GradeReport solutions;
    static GradeReport broken;

    static GradeReport grade(Path submission) throws IOException, InterruptedException {
        GraderHome home = GraderHome.locate();
        Path work = Files.createTempDirectory(dir, "work-");
        return new Grader(home).grade(new GradeRequest(submission, ExerciseSpec.KNOWN, home.hiddenJar(), 6,
                Duration.ofSeconds(60), Duration.ofSeconds(300), work));
    }

    @BeforeAll
    static void gradeTheSolutionsAndABrokenSubmission() throws IOException, InterruptedException {
        solutions = grade(REPO.resolve("solutions"));
        broken = grade(Calibration.layIn(Calibration.find(REPO.resolve("grader/src/test/resources/submissions/broken/fetch-compile-error")).get(0),
                REPO.resolve("exercises"), dir.resolve("broken-submission")).folder());
    }

    static Map<String, Path> exportAll(GradeReport report, String name) throws IOException {
        return Exporters.writeAll(report, dir.resolve(name), java.util.List.of("gradescope", "classroom", "junit", "markdown"), Audience.LEARNER);
    }

    @Test
    void theSolutionsReportIsValidAgainstTheSchema() throws IOException {
        String json = Files.readString(exportAll(solutions, "solutions-schema").get("json"));
        assertAll(
                () -> assertEquals(solutions.maxScore(), solutions.score(), "the reference solutions get full marks"),
                () -> assertTrue(solutions.exercises().stream().allMatch(e -> !e.verdict().evidence().isEmpty()), "with evidence to validate"),
                () -> assertEquals(java.util.List.of(), ReportSchema.problems(json)));
    }

    @Test
    void aCompileErrorReportIsValidAgainstTheSchema() throws IOException {
        String json = Files.readString(exportAll(broken, "broken-schema").get("json"));
        assertEquals(java.util.List.of(), ReportSchema.problems(json));
    }

    @Test
    void everyFormatShowsTheSolutionsTotals() throws Exception {
        assertFormatsAgree(solutions, "solutions");
    }

    @Test
    void everyFormatShowsTheBrokenSubmissionsTotals() throws Exception {
        assertFormatsAgree(broken, "broken");
    }

    /** Every test that ran to its end has its duration, and each format shows the same one. */
    @Test
    void everyTestThatRanHasItsDurationInEveryFormat() throws Exception {
        Map<String, Path> files = exportAll(solutions, "solutions-durations");
        java.util.List<GradeReport.TestResult> ran = solutions.exercises().stream().flatMap(e -> e.tests().stream())
                .filter(t -> t.status() != TestStatus.NOT_RUN && t.status() != TestStatus.SKIPPED).toList();
        GradeReport.TestResult longest = Durations.slowest(solutions, 1).get(0);
        JsonNode gradescope = JSON.readTree(files.get("gradescope").toFile());
        String xml = Files.readString(files.get("junit"));
        String markdown = Files.readString(files.get("markdown"));
        Map<String, JsonNode> runners = ClassroomExporterTest.runners(Files.readString(files.get("classroom")));
        long classroomMax = runners.values().stream().flatMap(r -> ClassroomExporterTest.tests(r).stream())
                .mapToLong(t -> t.get("duration").asLong()).max().orElse(-1);
        assertAll(
                () -> assertTrue(!ran.isEmpty() && ran.stream().allMatch(t -> t.durationMillis() != null), "every test that ran is timed"),
                () -> assertTrue(gradescope.get("execution_time").asDouble() * 1000 >= longest.durationMillis()),
                () -> assertTrue(xml.contains("name=\"" + longest.method() + "\" time=\"" + JUnitXmlExporter.seconds(longest.durationMillis()) + "\"")
                        || xml.contains("time=\"" + JUnitXmlExporter.seconds(longest.durationMillis()) + "\""), xml),
                () -> assertTrue(markdown.contains("| " + Durations.text(longest.durationMillis()) + " |"), markdown),
                () -> assertTrue(classroomMax >= longest.durationMillis() || longest.kind() == TestKind.MODEL, "classroom " + classroomMax));
    }

    static void assertFormatsAgree(GradeReport report, String name) throws Exception {
        Map<String, Path> files = exportAll(report, name);
        BigDecimal total = BigDecimal.valueOf(report.score());
        BigDecimal max = BigDecimal.valueOf(report.maxScore());
        JsonNode gradescope = JSON.readTree(files.get("gradescope").toFile());
        BigDecimal gradescopeSum = BigDecimal.ZERO;
        for (JsonNode t : gradescope.get("tests")) {
            if (t.has("score")) {
                gradescopeSum = gradescopeSum.add(t.get("score").decimalValue());
            }
        }
        Map<String, JsonNode> runners = ClassroomExporterTest.runners(Files.readString(files.get("classroom")));
        ClassroomReporter.Printed printed = ClassroomReporter.run(runners);
        Element suite = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(files.get("junit").toFile())
                .getElementsByTagName("testsuite").item(0);
        String junitTotal = null;
        for (int i = 0; i < suite.getElementsByTagName("property").getLength(); i++) {
            Element p = (Element) suite.getElementsByTagName("property").item(i);
            if (p.getAttribute("name").equals("reportScore")) {
                junitTotal = p.getAttribute("value");
            }
        }
        String markdown = Files.readString(files.get("markdown"));
        String headline = "# Grade: " + Scores.format(report.score()) + "/" + Scores.format(report.maxScore());
        BigDecimal gsSum = gradescopeSum;
        String junit = junitTotal;
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(files.get("junit").toFile());
        assertAll(name,
                () -> assertEquals(java.util.List.of(), GradescopeRules.problems(gradescope)),
                () -> assertEquals(0, gradescope.get("score").decimalValue().compareTo(total)),
                () -> assertEquals(0, gsSum.compareTo(total), "gradescope tests sum to " + gsSum),
                () -> assertEquals(printed.table().replace("Total: ", "Points "), printed.notice(), "the reporter's two totals"),
                () -> assertEquals(report.score(), printed.noticePoints(), 0.005 * 3 * report.exercises().size(), printed.notice()),
                () -> assertEquals(0, BigDecimal.valueOf(printed.noticeMax()).compareTo(max)),
                () -> assertEquals(java.util.List.of(), JUnitSchemas.violations(xml.getDocumentElement(), JUnitSchemas.JUNIT_10)),
                () -> assertEquals(java.util.List.of(), JUnitXmlSchemasTest.surefire(xml)),
                () -> assertEquals(Scores.format(report.score()), junit),
                () -> assertTrue(markdown.startsWith(headline), markdown));
    }
}
