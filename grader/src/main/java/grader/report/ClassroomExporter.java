package grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.values.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The result of a GitHub Classroom grader step, as {@code classroom-resources/autograding-command-grader}
 * writes it: {@code base64(JSON)} of {@code {version: 1, status, max_score, tests[]}}, written to
 * {@code classroom-result.txt} and, when {@code GITHUB_OUTPUT} is set, appended to it as
 * {@code result=<base64>} so that the step's {@code result} output can feed
 * {@code classroom-resources/autograding-grading-reporter@v1}.
 *
 * <p>Contract: one test entry per scored part of each exercise ({@link ScoredPart}), so
 * {@code tests[].score} adds up to the report's total (the reporter's "Points" notice, which Classroom
 * records, is that sum) and {@code max_score} is the report's maximum. An entry's status is
 * {@code pass} only at the part's full points: the reporter's console table, which counts passing
 * entries, then agrees with the notice at full marks and at zero (between the two it can only
 * approximate; the notice is the grade). The top-level status is {@code error} when the grader itself
 * failed, {@code pass} at full marks, otherwise {@code fail} (the reporter then fails the job).
 */
final class ClassroomExporter implements Exporter {
    static final String FILE = "classroom-result.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_CAP = 2_000;

    private final UnaryOperator<String> env;

    ClassroomExporter() {
        this(System::getenv);
    }

    /** @param env looks up environment variables ({@code GITHUB_OUTPUT}) */
    ClassroomExporter(UnaryOperator<String> env) {
        this.env = env;
    }

    @JsonPropertyOrder({"version", "status", "max_score", "tests"})
    record Result(int version, String status, @JsonProperty("max_score") double maxScore, List<Test> tests) {}

    @JsonPropertyOrder({"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"})
    record Test(String name, String status, double score, String message, @JsonProperty("test_code") String testCode,
                String filename, @JsonProperty("line_no") int lineNo, long duration) {}

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public String id() {
        return "classroom";
    }

    @Override
    public String description() {
        return FILE + ": GitHub Classroom's base64 runner result (also result=... in $GITHUB_OUTPUT)";
    }

    @Override
    public Path write(GradeReport report, Path dir) throws IOException {
        String encoded = encode(result(report));
        Path file = ReportFiles.write(dir, FILE, encoded + "\n");
        String output = env.apply("GITHUB_OUTPUT");
        if (output != null && !output.isBlank()) {
            Files.writeString(Path.of(output), "result=" + encoded + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return file;
    }

    static String encode(Result result) throws IOException {
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(result));
    }

    static Result result(GradeReport report) {
        List<Test> tests = ScoredPart.of(report).stream().map(p -> {
            Site site = "model".equals(p.part()) && p.exercise().verdict() != null ? p.exercise().verdict().site() : null;
            return new Test(p.name(), p.full() ? "pass" : "fail", p.earned(), cap(p.feedback()), p.part() + ": " + p.basis(),
                    site == null ? "" : sourcePath(site), site == null ? 0 : Math.max(site.line(), 0), 0);
        }).toList();
        String status = report.graderError() != null ? "error" : report.fullMarks() ? "pass" : "fail";
        return new Result(1, status, report.maxScore(), tests);
    }

    /** {@return where the site's class lives in a submission laid out like exercises/} */
    private static String sourcePath(Site site) {
        if (site.file() == null) {
            return "";
        }
        int dot = site.className().lastIndexOf('.');
        String pkg = dot < 0 ? "" : site.className().substring(0, dot).replace('.', '/') + "/";
        return "src/main/java/" + pkg + site.file();
    }

    private static String cap(String s) {
        return s.length() <= MESSAGE_CAP ? s : s.substring(0, MESSAGE_CAP - 3) + "...";
    }
}
