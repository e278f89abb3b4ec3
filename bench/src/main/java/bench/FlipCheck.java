package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verdicts that never flip (issue 4, part 3): grades the reference solutions and every known submission once on an
 * idle machine, then {@code -Dflip.runs} times while a load process keeps every processor busy, and counts the
 * submissions whose verdicts or scores differed from the unloaded run. Exit code 0 when none differed, 1 when some
 * did, 2 when the check itself could not run. Prints a Markdown table, also written to
 * {@code bench/target/flip-check.md}.
 */
public final class FlipCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RUN_TIMEOUT_SECONDS = 1800;

    private FlipCheck() {}

    public static void main(String[] args) {
        System.exit(run(System.out, System.err));
    }

    /** One submission's outcome: per exercise "verdict score/max", and whether it was graded at all. */
    private record Outcome(String status, Map<String, String> cells) {
        String text() {
            if (!"graded".equals(status)) {
                return status;
            }
            List<String> parts = new ArrayList<>();
            cells.forEach((k, v) -> parts.add(k + ": " + v));
            return String.join("; ", parts);
        }

        /**
         * {@return whether {@code other} has the same status and the same verdict id for every exercise}: a difference
         * is then in scores only, i.e. in which functional tests passed (a racy wrong submission, such as an unsafe
         * shared map that happened not to lose an update), not a verdict that flipped
         */
        boolean sameVerdicts(Outcome other) {
            if (other == null || !status.equals(other.status)) {
                return false;
            }
            for (Map.Entry<String, String> e : cells.entrySet()) {
                if (!verdictOf(e.getValue()).equals(verdictOf(other.cells.get(e.getKey())))) {
                    return false;
                }
            }
            return true;
        }

        private static String verdictOf(String cell) {
            return cell == null ? "" : cell.substring(0, cell.indexOf(' ') < 0 ? cell.length() : cell.indexOf(' '));
        }

        /** {@return the first difference from {@code other}, or null} */
        String differenceFrom(Outcome other) {
            if (other == null) {
                return "missing from the gradebook";
            }
            if (!status.equals(other.status)) {
                return "status " + other.status + " instead of " + status;
            }
            for (Map.Entry<String, String> e : cells.entrySet()) {
                String theirs = other.cells.get(e.getKey());
                if (!e.getValue().equals(theirs)) {
                    return e.getKey() + ": " + theirs + " instead of " + e.getValue();
                }
            }
            return null;
        }
    }

    static int run(PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Process load = null;
        try {
            Repo repo = Repo.locate();
            int runs = Integer.parseInt(System.getProperty("flip.runs", "20").trim());
            String jobsProp = System.getProperty("flip.jobs", "").trim();
            int processors = Runtime.getRuntime().availableProcessors();
            int jobs = jobsProp.isEmpty() ? processors : Integer.parseInt(jobsProp);
            Path dir = Repo.fresh(repo.target().resolve("flip-work"));
            Path classDir = Files.createDirectories(dir.resolve("submissions"));
            List<Repo.Submission> all = new ArrayList<>();
            all.add(repo.solutions());
            for (String set : System.getProperty("flip.sets", "right,wrong").split(",")) {
                if (!set.isBlank()) {
                    all.addAll(repo.fixtures(set.trim()));
                }
            }
            for (Repo.Submission s : all) {
                Repo.copyInto(classDir, s.name(), s);
            }
            String header = "# Verdicts under load\n\n" + Machine.describe() + "\n";
            out.println(header);
            out.println(all.size() + " submissions (solutions/ and the fixture sets " + System.getProperty("flip.sets", "right,wrong")
                    + "), grade-class --jobs " + jobs + "; 1 unloaded run, then " + runs + " with " + processors + " busy threads");

            Map<String, Outcome> baseline = grade(repo, classDir, dir, "unloaded", jobs, out);

            load = new ProcessBuilder(Repo.java(), "-cp", repo.benchClasses().toString(), CpuLoad.class.getName(), Integer.toString(processors))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("cpu-load.log").toFile()).start();
            Process started0 = load;
            Thread killer = new Thread(() -> started0.destroyForcibly());
            Runtime.getRuntime().addShutdownHook(killer);
            Thread.sleep(1000);
            if (!load.isAlive()) {
                throw new IllegalStateException("the load process ended at once: " + Proc.tail(dir.resolve("cpu-load.log"), 10));
            }

            Map<String, Integer> differing = new LinkedHashMap<>();
            Map<String, Integer> scoreOnly = new LinkedHashMap<>();
            Map<String, String> firstDifference = new LinkedHashMap<>();
            baseline.keySet().forEach(k -> {
                differing.put(k, 0);
                scoreOnly.put(k, 0);
            });
            for (int i = 1; i <= runs; i++) {
                Map<String, Outcome> loaded = grade(repo, classDir, dir, "loaded-" + i, jobs, out);
                int flips = 0;
                int scores = 0;
                for (Map.Entry<String, Outcome> e : baseline.entrySet()) {
                    Outcome theirs = loaded.get(e.getKey());
                    String diff = e.getValue().differenceFrom(theirs);
                    if (diff == null) {
                        continue;
                    }
                    if (e.getValue().sameVerdicts(theirs)) {
                        scores++;
                        scoreOnly.merge(e.getKey(), 1, Integer::sum);
                    } else {
                        flips++;
                        differing.merge(e.getKey(), 1, Integer::sum);
                    }
                    firstDifference.putIfAbsent(e.getKey(), "run " + i + ": " + diff);
                }
                out.println("    " + flips + " verdict(s) flipped, " + scores + " submission(s) differed in scores only");
            }
            load.destroyForcibly();
            load.waitFor();
            Runtime.getRuntime().removeShutdownHook(killer);

            Table t = new Table("submission", "unloaded verdicts (exercise: verdict score/max)",
                    "runs whose verdicts flipped (of " + runs + ")", "runs that differed in scores only", "first difference");
            int total = 0;
            int scoreTotal = 0;
            for (Map.Entry<String, Outcome> e : baseline.entrySet()) {
                int n = differing.get(e.getKey());
                int m = scoreOnly.get(e.getKey());
                total += n;
                scoreTotal += m;
                t.row(e.getKey(), e.getValue().text(), n, m, firstDifference.getOrDefault(e.getKey(), ""));
            }
            double minutes = (System.nanoTime() - started) / 60e9;
            String body = t.markdown() + "\n**" + total + "** time(s) a submission's verdicts flipped from the unloaded run (target: 0), and "
                    + scoreTotal + " time(s) only its scores differed (which functional tests passed: racy wrong submissions),"
                    + " in " + runs + " loaded run(s) of " + baseline.size() + " submissions. `grade-class --jobs "
                    + jobs + "`, load: " + processors + " busy threads in another JVM. Took " + Table.fmt(minutes, 1) + " min.\n";
            out.println();
            out.println(body);
            Path file = repo.target().resolve("flip-check.md");
            Files.writeString(file, header + body);
            out.println("written: " + file);
            return total == 0 ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("flip check: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("flip check: interrupted");
            return 2;
        } finally {
            if (load != null) {
                load.destroyForcibly();
            }
        }
    }

    /** Grades the class folder once; {@return each learner's outcome, by learner} */
    private static Map<String, Outcome> grade(Repo repo, Path classDir, Path dir, String tag, int jobs, PrintStream out)
            throws IOException, InterruptedException {
        Path reports = Repo.fresh(dir.resolve("reports-" + tag));
        List<String> cmd = List.of(Repo.java(), "-jar", repo.graderJar().toString(), "grade-class", classDir.toString(),
                "--report-dir", reports.toString(), "--jobs", Integer.toString(jobs),
                "--active-processors", System.getProperty("bench.activeProcessors", "6").trim());
        Proc.Run r = Proc.run(cmd, dir, dir.resolve("grade-class-" + tag + ".log"), false, RUN_TIMEOUT_SECONDS);
        Path book = reports.resolve("gradebook.json");
        if (!Files.isRegularFile(book)) {
            throw new IllegalStateException("grade-class wrote no gradebook (exit " + r.exitCode() + "):\n" + Proc.tail(r.log(), 30));
        }
        Map<String, Outcome> outcomes = new TreeMap<>();
        for (JsonNode row : JSON.readTree(book.toFile()).path("rows")) {
            Map<String, String> cells = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : row.path("exercises").properties()) {
                JsonNode c = e.getValue();
                cells.put(e.getKey(), c.path("verdict").asText("none") + " " + c.path("score").asText() + "/" + c.path("maxScore").asText());
            }
            // The status alone: a "not graded" row's error text may name paths that differ run to run.
            String status = row.path("status").asText();
            outcomes.put(row.path("learner").asText(), new Outcome(status, cells));
        }
        out.printf("  %s: %d graded in %s s (exit %d), load average %s%n", tag, outcomes.size(), Table.fmt(r.seconds(), 1),
                r.exitCode(), Machine.loadAverage());
        return outcomes;
    }
}
