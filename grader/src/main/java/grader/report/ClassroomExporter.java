package grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.values.Site;
import grader.verdict.ModelVerdict;
import grader.verdict.TestKind;
import grader.verdict.statics.StaticFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * GitHub Classroom's runner results, as {@code classroom-resources/autograding-command-grader} writes one: each
 * {@code base64(JSON)} of {@code {version: 1, status, max_score, tests[]}}. One runner per scored part of each
 * exercise ({@link #runnerId}: {@code fetchfunctional}, {@code fetchmodel}, {@code fetchstatic}), written to
 * {@code classroom-result.txt} as {@code <runner>=<base64>} lines and, when {@code GITHUB_OUTPUT} is set, appended
 * to it, so each is the grading step's output of that name, ready for
 * {@code classroom-resources/autograding-grading-reporter@v1} ({@code <RUNNER>_RESULTS}).
 *
 * <p>Contract: the reporter shows two totals. Its table scores a runner as passing entries / entries x
 * {@code max_score}; its "Points" notice, which Classroom records, sums the entries' {@code score}. Each runner's
 * entries split the part's points equally (one per functional test, one per static rule, the model verdict's share
 * as k of n), each {@code pass} or {@code fail}, and the passing entries' scores are chosen so that both totals are
 * the same double after every runner (the reporter runs on JavaScript numbers, which are Java's doubles). Both then
 * print the same text. They show the share unrounded (2 of 3 tests of 10 points: 6.666666666666666), where the
 * report rounds each part to cents (6.67). A part whose points are not such a share of its entries falls back to
 * share entries (k of n for the smallest n that gives the report's points within a cent).
 *
 * <p>A failing entry's reason is in {@code test_code}, the text the reporter prints for every entry (it never
 * prints {@code message}, which carries the same); the learner's line in {@code filename} and {@code line_no};
 * a test's time in the test JVM in {@code duration} (ms). A runner's status is {@code error} when the grader
 * itself failed, {@code pass} at the part's full points, otherwise {@code fail} (the reporter then fails the job).
 */
final class ClassroomExporter {
    static final String FILE = "classroom-result.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_CAP = 2_000;

    private ClassroomExporter() {}

    @JsonPropertyOrder({"version", "status", "max_score", "tests"})
    record Result(int version, String status, @JsonProperty("max_score") double maxScore, List<Test> tests) {}

    @JsonPropertyOrder({"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"})
    record Test(String name, String status, double score, String message, @JsonProperty("test_code") String testCode,
                String filename, @JsonProperty("line_no") int lineNo, long duration) {}

    /** An entry before its score is chosen. */
    private record Entry(String name, boolean pass, String reason, Site site, long duration) {}

    /** {@return the runner id of an exercise part: letters and digits only, as the reporter's {@code runners} input needs} */
    static String runnerId(String exercise, String part) {
        return (exercise + part).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static byte[] render(GradeReport report) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Result> r : results(report).entrySet()) {
            b.append(r.getKey()).append('=').append(encode(r.getValue())).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the rendered {@code <runner>=<base64>} lines to {@code $GITHUB_OUTPUT}, when it is set. */
    static void publish(byte[] rendered, UnaryOperator<String> env) throws IOException {
        String output = env.apply("GITHUB_OUTPUT");
        if (output != null && !output.isBlank()) {
            Files.write(Path.of(output), rendered, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static String encode(Result result) throws IOException {
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(result));
    }

    /** {@return the runners, by id, in report order} */
    static Map<String, Result> results(GradeReport report) {
        Map<String, Result> runners = new LinkedHashMap<>();
        double notice = 0; // the reporter's running totals, kept equal at every runner's end
        for (ScoredPart p : ScoredPart.of(report)) {
            List<Entry> entries = entries(report, p);
            long k = entries.stream().filter(Entry::pass).count();
            int n = entries.size();
            double table = (double) k / n * p.max(); // the reporter: (passed / tests.length) * max_score
            if (Math.abs(table - p.earned()) > 0.005 + 1e-9) {
                entries = shares(p);
                k = entries.stream().filter(Entry::pass).count();
                n = entries.size();
                table = (double) k / n * p.max();
            }
            double target = notice + table;
            double each = p.max() / n;
            List<Test> tests = new ArrayList<>();
            long left = k;
            double acc = notice;
            for (Entry e : entries) {
                double score = 0;
                if (e.pass()) {
                    left--;
                    score = left > 0 ? each : lastScore(acc, target);
                    acc += score;
                }
                Site site = e.site();
                tests.add(new Test(e.name(), e.pass() ? "pass" : "fail", score, e.reason() == null ? "" : cap(e.reason()),
                        e.reason() == null ? "" : cap(e.reason()), site == null ? "" : sourcePath(site),
                        site == null ? 0 : Math.max(site.line(), 0), e.duration()));
            }
            notice = p.max() == 0 ? notice : target;
            String status = report.graderError() != null ? "error" : p.full() ? "pass" : "fail";
            runners.put(runnerId(p.exercise().id(), p.part()), new Result(1, status, p.max(), tests));
        }
        return runners;
    }

    /** {@return x such that {@code acc + x == target} in doubles, as the reporter's sum will add it} */
    private static double lastScore(double acc, double target) {
        double x = target - acc;
        for (int i = 0; i < 64 && acc + x != target; i++) {
            x = acc + x < target ? Math.nextUp(x) : Math.nextDown(x);
        }
        return x;
    }

    private static List<Entry> entries(GradeReport report, ScoredPart p) {
        GradeReport.ExerciseReport e = p.exercise();
        String prefix = e.id() + ": ";
        List<Entry> entries = new ArrayList<>();
        switch (p.part()) {
            case "functional" -> {
                for (GradeReport.TestResult t : e.tests()) {
                    if (t.kind() != TestKind.MODEL) {
                        entries.add(new Entry(prefix + t.kind() + " " + ScoredPart.shortName(t), t.passed(), t.passed() ? null : reason(t),
                                t.site(), t.durationMillis() == null ? 0 : t.durationMillis()));
                    }
                }
            }
            case "model" -> {
                ModelVerdict v = e.verdict();
                double share = p.max() == 0 ? (v == null ? 0 : v.share()) : p.earned() / p.max();
                int[] kn = fraction(share);
                long duration = e.tests().stream().filter(t -> t.kind() == TestKind.MODEL && t.durationMillis() != null)
                        .mapToLong(GradeReport.TestResult::durationMillis).sum();
                for (int i = 1; i <= kn[1]; i++) {
                    boolean pass = i <= kn[0];
                    entries.add(new Entry(p.name() + (kn[1] == 1 ? "" : ", share " + i + " of " + kn[1]), pass,
                            pass ? null : p.feedback(), v == null ? null : v.site(), i == 1 ? duration : 0));
                }
            }
            case "static" -> {
                boolean works = report.graderError() == null && e.tests().stream().anyMatch(t -> t.kind() != TestKind.MODEL && t.passed());
                for (StaticFinding f : e.statics()) {
                    boolean pass = works && f.passed();
                    entries.add(new Entry(prefix + "static rule: " + f.description(), pass, pass ? null : !works
                            ? "static points are earned only once a test passes" : f.description() + ", because " + f.because()
                            + (f.violations().isEmpty() ? "" : "\n" + String.join("\n", f.violations().stream().limit(3).toList())),
                            null, 0));
                }
            }
            default -> throw new IllegalStateException("unknown part " + p.part());
        }
        if (entries.isEmpty()) {
            // The reporter divides by the entry count: a runner always has one.
            entries.add(new Entry(p.name(), p.full(), p.full() ? null : p.feedback(), null, 0));
        }
        return entries;
    }

    /** The part as k of n equal shares, n the smallest that gives its points within a cent. */
    private static List<Entry> shares(ScoredPart p) {
        int[] kn = p.max() == 0 ? new int[] {1, 1} : fraction(p.earned() / p.max());
        for (int n = 1; n <= 100 && p.max() > 0; n++) {
            long k = Math.round(p.earned() / p.max() * n);
            if (Math.abs((double) k / n * p.max() - p.earned()) <= 0.005) {
                kn = new int[] {(int) k, n};
                break;
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i <= kn[1]; i++) {
            boolean pass = i <= kn[0];
            entries.add(new Entry(p.name() + (kn[1] == 1 ? "" : ", share " + i + " of " + kn[1]), pass, pass ? null : p.feedback(),
                    null, 0));
        }
        return entries;
    }

    /** {@return k and n with k/n the share, n at most 12 where one fits, else of 100} */
    private static int[] fraction(double share) {
        for (int n = 1; n <= 12; n++) {
            double k = share * n;
            if (Math.abs(k - Math.rint(k)) < 1e-9) {
                return new int[] {(int) Math.rint(k), n};
            }
        }
        return new int[] {(int) Math.round(share * 100), 100};
    }

    private static String reason(GradeReport.TestResult t) {
        if (t.message() == null && t.trace() == null && !Audience.shown(t)) {
            return t.status() + " (details not shown yet: " + t.visibility().replace('_', ' ') + ")";
        }
        return t.message() == null ? t.status().id() : t.status() + ": " + ScoredPart.firstLine(t.message());
    }

    /** {@return where the site's class lives in a submission laid out like exercises/} */
    private static String sourcePath(Site site) {
        if (site.file() == null) {
            return "";
        }
        String cls = site.className();
        int nested = cls.indexOf('$');
        cls = nested < 0 ? cls : cls.substring(0, nested);
        int dot = cls.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cls.substring(0, dot).replace('.', '/') + "/";
        return "src/main/java/" + pkg + site.file();
    }

    private static String cap(String s) {
        return s.length() <= MESSAGE_CAP ? s : s.substring(0, MESSAGE_CAP - 3) + "...";
    }
}
