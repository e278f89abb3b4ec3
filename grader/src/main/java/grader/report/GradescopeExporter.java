package grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import grader.verdict.TestKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradescope's {@code results.json} (gradescope/autograder_samples {@code docs/specs.md}).
 *
 * <p>Contract: the top-level {@code score} is the report's total, and the scored tests are the report's
 * parts ({@link ScoredPart}: functional, model, static per exercise), so their scores add up to it.
 * Every public and hidden test follows as an unscored, informational entry with its status, its
 * message and the visibility the report gives it, which Gradescope then applies (a hidden test's
 * entry stays hidden until the due date, say). A test that did not run has no status, so it is not
 * shown red. The top-level output is the Markdown summary, which shows details of {@code visible}
 * tests only. The learner's stdout stays hidden: the console summary there names every failing test.
 */
final class GradescopeExporter {
    static final String FILE = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The top level; {@code execution_time} is the sum of the tests' durations in the test JVM (compiling and starting it
     * left out), absent when no test has one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility",
            "stdout_visibility", "extra_data", "tests"})
    record Results(double score, @JsonProperty("execution_time") Double executionTime, String output,
                   @JsonProperty("output_format") String outputFormat,
                   @JsonProperty("test_output_format") String testOutputFormat,
                   @JsonProperty("test_name_format") String testNameFormat,
                   String visibility,
                   @JsonProperty("stdout_visibility") String stdoutVisibility,
                   @JsonProperty("extra_data") Map<String, Object> extraData,
                   List<Test> tests) {}

    /** A test entry: scored (score and max_score) or informational (status only, or nothing if it did not run). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "score", "max_score", "status", "output", "tags", "visibility", "extra_data"})
    record Test(String name, Double score, @JsonProperty("max_score") Double maxScore, String status, String output,
                List<String> tags, String visibility, @JsonProperty("extra_data") Map<String, Object> extraData) {}





    static byte[] render(GradeReport report) throws IOException {
        return JSON.writeValueAsBytes(results(report));
    }

    static Results results(GradeReport report) {
        // Scored entries and the top-level output are visible at once: they show what a format without visibility
        // would. Each test's own entry keeps its details: Gradescope withholds it by its visibility.
        GradeReport visibleNow = Audience.of(report.audience()).cut(report, false);
        List<Test> tests = new ArrayList<>();
        for (ScoredPart p : ScoredPart.of(visibleNow)) {
            tests.add(new Test(p.name(), p.earned(), p.max(), null, p.feedback(), List.of(p.exercise().id(), p.part()), null, null));
            if ("static".equals(p.part())) {
                // The exercise's tests follow its parts, so Gradescope lists them together.
                GradeReport.ExerciseReport full = report.exercises().stream().filter(e -> e.id().equals(p.exercise().id()))
                        .findFirst().orElseThrow();
                for (GradeReport.TestResult t : full.tests()) {
                    if (t.kind() != TestKind.MODEL) {
                        tests.add(informational(full, t));
                    }
                }
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("grader", report.grader());
        extra.put("schemaVersion", report.schemaVersion());
        extra.put("gradedAt", report.gradedAt());
        extra.put("maxScore", report.maxScore());
        if (report.graderError() != null) {
            extra.put("graderError", report.graderError());
        }
        boolean timed = report.exercises().stream().flatMap(e -> e.tests().stream()).anyMatch(t -> t.durationMillis() != null);
        double seconds = report.exercises().stream().flatMap(e -> e.tests().stream()).mapToDouble(GradeReport.TestResult::seconds).sum();
        return new Results(report.score(), timed ? Math.round(seconds * 1000) / 1000.0 : null, MarkdownExporter.render(visibleNow), "md", "text", "text",
                "visible", "hidden", extra, tests);
    }

    private static Test informational(GradeReport.ExerciseReport e, GradeReport.TestResult t) {
        String status = switch (t.status()) {
            case PASSED -> "passed";
            case FAILED, ABORTED -> "failed";
            case SKIPPED, NOT_RUN -> null; // neither green nor red
        };
        String took = t.durationMillis() == null ? "" : " in " + Durations.text(t.durationMillis());
        String output = t.message() == null ? t.status() + took : t.status() + took + ": " + t.message();
        if (t.trace() != null) {
            output += "\n\n" + t.trace();
        }
        // Gradescope's tests have no time of their own: the duration is in the output and in extra_data.
        Map<String, Object> extra = t.durationMillis() == null ? null : Map.of("duration_ms", t.durationMillis());
        return new Test(e.id() + ": " + t.kind() + " test " + ScoredPart.shortName(t), null, null, status, output,
                List.of(e.id(), t.kind().id()), t.visibility(), extra);
    }
}
