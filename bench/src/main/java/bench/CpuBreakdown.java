package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a class run's CPU went, read from the grader's CPU trace ({@code -Dgrader.cpuTrace=<file>}: one JSON line per
 * phase, written by {@code grader.launch.CpuTrace}): per submission kind (right: copies of {@code solutions/}; wrong:
 * the known-wrong fixtures), the average CPU-seconds and wall time of each phase, and the tests that cost most.
 */
final class CpuBreakdown {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One submission's phases: phase name to {CPU ms, thread CPU ms, wall ms}. */
    private record Submission(String name, boolean right, Map<String, double[]> phases, Map<String, double[]> tests) {}

    private final List<Submission> submissions;

    private CpuBreakdown(List<Submission> submissions) {
        this.submissions = List.copyOf(submissions);
    }

    /** Reads a trace; a submission's lines are tied together by its work folder. */
    static CpuBreakdown read(Path trace) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(trace)) {
            if (!l.isBlank()) {
                lines.add(JSON.readTree(l));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode l : lines) {
            if ("grading".equals(l.path("phase").asText())) {
                names.put(l.path("work").asText(), Path.of(l.path("submission").asText()).getFileName().toString());
            }
        }
        List<Submission> subs = new ArrayList<>();
        for (Map.Entry<String, String> w : names.entrySet()) {
            Map<String, double[]> phases = new TreeMap<>();
            Map<String, double[]> tests = new TreeMap<>();
            for (JsonNode l : lines) {
                if (!l.path("work").asText().startsWith(w.getKey())) {
                    continue;
                }
                String phase = l.path("phase").asText();
                double[] v = {l.path("cpuMillis").asDouble(0), l.path("threadCpuMillis").asDouble(0), l.path("wallMillis").asDouble(0)};
                String key = switch (phase) {
                    case "compile", "checks" -> phase;
                    case "test" -> "test " + exercise(l.path("test").asText());
                    default -> phase;
                };
                add(phases, key, v);
                if ("test".equals(phase)) {
                    add(tests, shortName(l.path("test").asText()), v);
                }
            }
            subs.add(new Submission(w.getValue(), w.getValue().startsWith("solution-"), phases, tests));
        }
        return new CpuBreakdown(subs);
    }

    private static void add(Map<String, double[]> m, String key, double[] v) {
        double[] a = m.computeIfAbsent(key, k -> new double[3]);
        for (int i = 0; i < 3; i++) {
            a[i] += v[i];
        }
    }

    /** {@return the exercise of a test: course.X.*, grader.hidden.X.* or grader.checks.X.*} */
    static String exercise(String test) {
        String[] p = test.split("#")[0].split("\\.");
        return p.length > 2 && p[0].equals("grader") ? p[2] : p.length > 1 ? p[1] : test;
    }

    private static String shortName(String test) {
        String cls = test.split("#")[0];
        return cls.substring(cls.lastIndexOf('.') + 1) + (test.contains("#") ? "." + test.split("#", 2)[1] : "");
    }

    int count(boolean right) {
        return (int) submissions.stream().filter(s -> s.right() == right).count();
    }

    /** {@return the summed CPU ms of the grader's grading threads (compile, checks, reports' making) over all submissions} */
    double gradingThreadsMillis() {
        return submissions.stream().mapToDouble(s -> s.phases().getOrDefault("grading", new double[3])[0]).sum();
    }

    /** {@return the summed CPU ms of the test JVMs (each as it measured itself at its end) over all submissions} */
    double testJvmMillis() {
        return submissions.stream().mapToDouble(s -> s.phases().getOrDefault("jvm", new double[3])[0]).sum();
    }

    /**
     * {@return a Markdown table: per phase, the mean CPU-seconds and wall seconds per right and per wrong submission}
     * A test's own thread CPU is shown beside its JVM's: the rest of the JVM's is the learner's other threads, the
     * agent, the JIT and the GC; the rest of its wall time the test spent waiting.
     */
    String phaseTable() {
        Map<String, double[][]> rows = new TreeMap<>(Comparator.comparingInt(CpuBreakdown::order).thenComparing(k -> k));
        for (boolean right : new boolean[] {true, false}) {
            int n = count(right);
            for (Submission s : submissions) {
                if (s.right() != right) {
                    continue;
                }
                for (Map.Entry<String, double[]> e : s.phases().entrySet()) {
                    double[][] r = rows.computeIfAbsent(e.getKey(), k -> new double[2][3]);
                    for (int i = 0; i < 3; i++) {
                        r[right ? 0 : 1][i] += e.getValue()[i] / 1000.0 / Math.max(1, n);
                    }
                }
            }
        }
        Table t = new Table("phase", "right: CPU-s", "right: test thread CPU-s", "right: wall s", "wrong: CPU-s",
                "wrong: test thread CPU-s", "wrong: wall s");
        for (Map.Entry<String, double[][]> e : rows.entrySet()) {
            double[] r = e.getValue()[0];
            double[] w = e.getValue()[1];
            boolean test = e.getKey().startsWith("test ");
            t.row(describe(e.getKey()), Table.fmt(r[0], 2), test ? Table.fmt(r[1], 2) : "", wall(e.getKey(), r[2]),
                    Table.fmt(w[0], 2), test ? Table.fmt(w[1], 2) : "", wall(e.getKey(), w[2]));
        }
        return t.markdown();
    }

    private static String wall(String key, double seconds) {
        return key.equals("jvm-start") || key.equals("jvm-end") ? "" : Table.fmt(seconds, 2);
    }

    private static int order(String key) {
        return switch (key) {
            case "compile" -> 0;
            case "checks" -> 1;
            case "grading" -> 2;
            case "jvm-start" -> 3;
            case "jvm-end" -> 5;
            case "jvm" -> 6;
            default -> 4;
        };
    }

    private static String describe(String key) {
        return switch (key) {
            case "compile" -> "compile, all exercises (grader thread)";
            case "checks" -> "structure, sandbox and static checks, all exercises (grader thread)";
            case "grading" -> "the grading thread in all (compile, checks, verdicts; waits for the test JVM)";
            case "jvm-start" -> "test JVM start: boot, agent and its self-test, JUnit discovery, to the first test";
            case "jvm-end" -> "test JVM after its last test";
            case "jvm" -> "test JVM in all (its own CPU; wall from start to exit)";
            default -> key.startsWith("test ") ? "tests of " + key.substring(5) + " (test JVM; its test threads)" : key;
        };
    }

    /** {@return a Markdown table of the {@code top} tests with the most test JVM CPU per submission, right and wrong} */
    String topTests(int top) {
        Table t = new Table("kind", "test", "CPU-s per submission (test JVM)", "its test thread CPU-s", "wall s");
        for (boolean right : new boolean[] {true, false}) {
            int n = count(right);
            Map<String, double[]> sum = new TreeMap<>();
            submissions.stream().filter(s -> s.right() == right).forEach(s -> s.tests().forEach((k, v) -> add(sum, k, v)));
            sum.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0])).limit(top)
                    .forEach(e -> t.row(right ? "right" : "wrong", "`" + e.getKey() + "`", Table.fmt(e.getValue()[0] / 1000 / n, 2),
                            Table.fmt(e.getValue()[1] / 1000 / n, 2), Table.fmt(e.getValue()[2] / 1000 / n, 2)));
        }
        return t.markdown();
    }
}
