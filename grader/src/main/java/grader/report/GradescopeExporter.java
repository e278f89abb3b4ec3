package grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
final class GradescopeExporter implements Exporter {
    static final String FILE = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The top level; {@code execution_time} is left out: the report does not say how long grading took. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"score", "output", "output_format", "test_output_format", "test_name_format", "visibility",
            "stdout_visibility", "extra_data", "tests"})
    record Results(double score, String output,
                   @JsonProperty("output_format") String outputFormat,
                   @JsonProperty("test_output_format") String testOutputFormat,
                   @JsonProperty("test_name_format") String testNameFormat,
                   String visibility,
                   @JsonProperty("stdout_visibility") String stdoutVisibility,
                   @JsonProperty("extra_data") Map<String, Object> extraData,
                   List<Test> tests) {}

    /** A test entry: scored (score and max_score) or informational (status only, or nothing if it did not run). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "score", "max_score", "status", "output", "tags", "visibility"})
    record Test(String name, Double score, @JsonProperty("max_score") Double maxScore, String status, String output,
                List<String> tags, String visibility) {}

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public String id() {
        return "gradescope";
    }

    @Override
    public String description() {
        return FILE + ": Gradescope's autograder results (scored parts plus a line per test)";
    }

    @Override
    public Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir, FILE, JSON.writeValueAsBytes(results(report)));
    }

    static Results results(GradeReport report) {
        List<Test> tests = new ArrayList<>();
        for (ScoredPart p : ScoredPart.of(report)) {
            tests.add(new Test(p.name(), p.earned(), p.max(), null, p.feedback(), List.of(p.exercise().id(), p.part()), null));
            if ("static".equals(p.part())) {
                // The exercise's tests follow its parts, so Gradescope lists them together.
                for (GradeReport.TestResult t : p.exercise().tests()) {
                    if (!"model".equals(t.kind())) {
                        tests.add(informational(p.exercise(), t));
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
        return new Results(report.score(), MarkdownExporter.render(report), "md", "text", "text", "visible", "hidden", extra, tests);
    }

    private static Test informational(GradeReport.ExerciseReport e, GradeReport.TestResult t) {
        String status = switch (t.status()) {
            case "passed" -> "passed";
            case "failed", "aborted" -> "failed";
            default -> null; // skipped, not-run: neither green nor red
        };
        String output = t.message() == null ? t.status() : t.status() + ": " + t.message();
        if (t.trace() != null) {
            output += "\n\n" + t.trace();
        }
        return new Test(e.id() + ": " + t.kind() + " test " + ScoredPart.shortName(t), null, null, status, output,
                List.of(e.id(), t.kind()), t.visibility());
    }
}
