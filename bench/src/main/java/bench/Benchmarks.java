package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every benchmark of issue 4, each printing a Markdown table as soon as it is done; all of them, with the machine they
 * ran on, end up in {@code bench/target/benchmarks.md}. Settings are system properties ({@code -Dbench.runs=5} and so
 * on, passed through by {@code mvn -B -Pbench verify}; bench/README.md lists them). No figure here is asserted: this
 * measures, it does not test.
 */
public final class Benchmarks {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a single child run may take before it is killed and the benchmark fails. */
    private static final long RUN_TIMEOUT_SECONDS = 900;

    private final Repo repo;
    private final PrintStream out;
    private final Path work;

    private Benchmarks(Repo repo, PrintStream out) {
        this.repo = repo;
        this.out = out;
        this.work = repo.target().resolve("bench-work");
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err));
    }

    /** Runs the benchmarks {@code -Dbench.only} names; {@return 0, 1 when one could not run, 2 for a bad option} */
    static int run(PrintStream out, PrintStream err) {
        try {
            Repo repo = Repo.locate();
            Benchmarks b = new Benchmarks(repo, out);
            Set<String> only = Arrays.stream(System.getProperty("bench.only", "grading,startup,events,class").split(","))
                    .map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
            Map<String, Section> sections = new LinkedHashMap<>();
            sections.put("grading", b::grading);
            sections.put("startup", b::startup);
            sections.put("events", b::events);
            sections.put("class", b::throughput);
            // Not in the default list: it runs Maven itself (see learnerLoop).
            sections.put("learner", b::learnerLoop);
            if (!sections.keySet().containsAll(only)) {
                err.println("benchmarks: -Dbench.only=" + System.getProperty("bench.only") + " is not a comma-separated subset of "
                        + String.join(",", sections.keySet()));
                return 2;
            }
            StringBuilder md = new StringBuilder("# Benchmarks\n\n").append(Machine.describe()).append('\n')
                    .append("Command: `mvn -B -Pbench verify` with ").append(settings()).append(".\n\n");
            out.println(md);
            Path file = repo.target().resolve("benchmarks.md");
            Repo.fresh(b.work);
            for (Map.Entry<String, Section> s : sections.entrySet()) {
                if (!only.contains(s.getKey())) {
                    continue;
                }
                String text = s.getValue().run();
                out.println(text);
                md.append(text).append('\n');
                Files.writeString(file, md); // kept after each section, so a late failure loses nothing measured
            }
            out.println("written: " + file);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("benchmarks: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("benchmarks: interrupted");
            return 1;
        }
    }

    private interface Section {
        String run() throws IOException, InterruptedException;
    }

    private static int intProp(String name, int fallback) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() ? fallback : Integer.parseInt(v);
    }

    private static String settings() {
        List<String> names = List.of("bench.runs", "bench.warmups", "bench.startRuns", "bench.jmhForks", "bench.jmhWarmups",
                "bench.jmhIterations", "bench.jmhSeconds", "bench.classSize", "bench.classRuns", "bench.graderFlags", "bench.jobs", "bench.activeProcessors");
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            String v = System.getProperty(n, "");
            parts.add("`" + n + "=" + (v.isEmpty() ? "(default)" : v) + "`");
        }
        return String.join(" ", parts);
    }

    // ---- the learner's loop: one exercise graded from Maven after an edit ------------------------------------------

    /**
     * {@code mvn -o -q -Plearner verify -Dexercise=fetch} from the repository's root, as a learner runs it after saving
     * {@code StatusFetcher.java}: each run first marks that file as just saved (its content is left as it is). The
     * grader is already built (this command built it), so each run costs Maven's start, the up-to-date checks and one
     * exercise's grading. Exit code 1 (below full marks, on the stub) is the expected outcome.
     */
    private String learnerLoop() throws IOException, InterruptedException {
        int runs = intProp("bench.learnerRuns", 5);
        Path dir = Files.createDirectories(work.resolve("learner"));
        Path saved = repo.root().resolve("exercises/src/main/java/course/fetch/StatusFetcher.java");
        List<String> mvn = List.of(System.getProperty("bench.mvn", "mvn"), "-o", "-q", "-B", "-Plearner", "verify", "-Dexercise=fetch");
        out.println("learner loop: 1 warm-up and " + runs + " measured run(s) of " + String.join(" ", mvn));
        List<Double> times = new ArrayList<>();
        Proc.Run last = null;
        for (int i = -1; i < runs; i++) {
            String tag = i < 0 ? "warmup" : "run" + (i + 1);
            Files.setLastModifiedTime(saved, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            last = Proc.run(mvn, repo.root(), dir.resolve("mvn-" + tag + ".log"), false, RUN_TIMEOUT_SECONDS);
            out.printf("  %s: %s s (exit %d)%n", tag, Table.fmt(last.seconds(), 2), last.exitCode());
            if (last.exitCode() != 0 && last.exitCode() != 1) {
                throw new IllegalStateException("the learner's command failed (exit " + last.exitCode() + "): " + Proc.tail(last.log(), 20));
            }
            if (i >= 0) {
                times.add(last.seconds());
            }
        }
        String line = Files.readAllLines(last.log()).stream().filter(l -> l.startsWith("Not full marks yet")).findFirst()
                .orElse("(no \"Not full marks yet\" line: exit " + last.exitCode() + ")");
        Table t = new Table("what", "median", "min", "max", "runs", "the grader's line")
                .row("`" + String.join(" ", mvn) + "` after saving `StatusFetcher.java` (grader already built)",
                        Table.fmt(Proc.median(times), 2) + " s", Table.fmt(Proc.min(times), 2) + " s",
                        Table.fmt(Proc.max(times), 2) + " s", runs, line);
        return "## The learner's loop: one exercise from Maven, warm\n\n" + t.markdown();
    }

    // ---- grading solutions/ against the plain console launcher ----------------------------------------------------

    private String grading() throws IOException, InterruptedException {
        int runs = intProp("bench.runs", 5);
        int warmups = intProp("bench.warmups", 1);
        int cpus = intProp("bench.activeProcessors", 6);
        Path solutionClasses = repo.root().resolve("solutions/target/classes");
        if (!Files.isDirectory(solutionClasses)) {
            throw new IllegalStateException(solutionClasses + " is missing: build solutions/ first (mvn -B -Pbench verify does)");
        }
        Path dir = Files.createDirectories(work.resolve("grading"));
        List<String> grade = List.of(Repo.java(), "-jar", repo.graderJar().toString(), "grade", repo.solutions().dir().toString(),
                "--report-dir", dir.resolve("report").toString(), "--active-processors", Integer.toString(cpus));
        List<String> console = new ArrayList<>(List.of(Repo.java(), "-XX:ActiveProcessorCount=" + cpus, "-cp",
                String.join(File.pathSeparator, repo.consoleJar().toString(), repo.graderJar().toString(),
                        repo.hiddenJar().toString(), solutionClasses.toString()),
                "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner", "--details=summary"));
        for (String c : repo.allTestClasses()) {
            console.add("--select-class=" + c);
        }
        List<String> noCache = new ArrayList<>(grade);
        noCache.add("--no-startup-cache");
        out.println("grading vs console launcher: " + warmups + " warm-up and " + runs + " measured run(s) of each, alternating");
        List<Double> graded = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        Proc.Run lastGrade = null;
        Proc.Run lastConsole = null;
        for (int i = -warmups; i < runs; i++) {
            String tag = i < 0 ? "warmup" + (-i) : "run" + (i + 1);
            lastGrade = Proc.run(grade, dir, dir.resolve("grade-" + tag + ".log"), false, RUN_TIMEOUT_SECONDS);
            // A fresh machine's first grading: an empty temporary folder, so the start-up cache is made during the run.
            Path tmp = Files.createDirectories(dir.resolve("tmp-" + tag));
            List<String> fresh = new ArrayList<>(grade);
            fresh.add(1, "-Djava.io.tmpdir=" + tmp);
            Proc.Run coldRun = Proc.run(fresh, dir, dir.resolve("grade-cold-" + tag + ".log"), false, RUN_TIMEOUT_SECONDS);
            try (Stream<Path> made = Files.walk(tmp)) {
                for (Path p : made.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Proc.Run noneRun = Proc.run(noCache, dir, dir.resolve("grade-none-" + tag + ".log"), false, RUN_TIMEOUT_SECONDS);
            lastConsole = Proc.run(console, dir, dir.resolve("console-" + tag + ".log"), false, RUN_TIMEOUT_SECONDS);
            out.printf("  %s: grader %s s (exit %d), first grading %s s (exit %d), no cache %s s (exit %d), console launcher %s s (exit %d)%n",
                    tag, Table.fmt(lastGrade.seconds(), 2), lastGrade.exitCode(), Table.fmt(coldRun.seconds(), 2), coldRun.exitCode(),
                    Table.fmt(noneRun.seconds(), 2), noneRun.exitCode(), Table.fmt(lastConsole.seconds(), 2), lastConsole.exitCode());
            if (coldRun.exitCode() != lastGrade.exitCode() || noneRun.exitCode() != lastGrade.exitCode()) {
                throw new IllegalStateException("the gradings disagree: exit " + lastGrade.exitCode() + " with the start-up cache, "
                        + coldRun.exitCode() + " making it, " + noneRun.exitCode() + " without it");
            }
            if (i >= 0) {
                graded.add(lastGrade.seconds());
                cold.add(coldRun.seconds());
                none.add(noneRun.seconds());
                plain.add(lastConsole.seconds());
            }
        }
        double ratio = Proc.median(graded) / Proc.median(plain);
        List<String> tests = Files.readAllLines(lastConsole.log()).stream()
                .filter(l -> l.matches("\\[\\s+\\d+ tests (successful|failed)\\s+]")).map(l -> l.replaceAll("[\\[\\]]", "").trim()).toList();
        Path outcomeFile = dir.resolve("report/outcome.txt");
        String outcome = Files.isRegularFile(outcomeFile) ? Files.readString(outcomeFile).trim() : "no outcome.txt written";
        Table t = new Table("what", "median", "min", "max", "runs", "exit code of the last run")
                .row("`grader.jar grade solutions` (compile, " + repo.specs().size() + " exercises, hidden tests, agent)",
                        Table.fmt(Proc.median(graded), 2) + " s", Table.fmt(Proc.min(graded), 2) + " s", Table.fmt(Proc.max(graded), 2) + " s",
                        runs, lastGrade.exitCode() + " (" + outcome + ")")
                .row("the same, on a fresh machine: the start-up cache made during the grading (empty temporary folder)",
                        Table.fmt(Proc.median(cold), 2) + " s", Table.fmt(Proc.min(cold), 2) + " s", Table.fmt(Proc.max(cold), 2) + " s",
                        runs, "as above")
                .row("the same with `--no-startup-cache`",
                        Table.fmt(Proc.median(none), 2) + " s", Table.fmt(Proc.min(none), 2) + " s", Table.fmt(Proc.max(none), 2) + " s",
                        runs, "as above")
                .row("the same " + repo.allTestClasses().size() + " test classes in the JUnit console launcher, no agent",
                        Table.fmt(Proc.median(plain), 2) + " s", Table.fmt(Proc.min(plain), 2) + " s", Table.fmt(Proc.max(plain), 2) + " s",
                        runs, lastConsole.exitCode() + " (" + String.join(", ", tests) + ")");
        return "## Grading one submission vs the plain console launcher\n\n" + t.markdown()
                + "\nRatio of the medians (grader with its start-up cache / console launcher): **" + Table.fmt(ratio, 2)
                + "**; making the cache during the grading: " + Table.fmt(Proc.median(cold) / Proc.median(plain), 2)
                + "; without it: " + Table.fmt(Proc.median(none) / Proc.median(plain), 2) + ". All with "
                + "`-XX:ActiveProcessorCount=" + cpus + "`; run back to back, alternating, after " + warmups
                + " warm-up run(s) of each. The grader's time includes compiling the solutions and its own JVM; the console"
                + " launcher runs `solutions/target/classes` as built.\n";
    }

    // ---- agent start-up ------------------------------------------------------------------------------------------

    private String startup() throws IOException, InterruptedException {
        int runs = intProp("bench.startRuns", 10);
        Path dir = Files.createDirectories(work.resolve("startup"));
        String cp = String.join(File.pathSeparator, repo.benchClasses().toString(), repo.graderJar().toString());
        List<String> without = List.of(Repo.java(), "-cp", cp, Trivial.class.getName());
        List<String> with = new ArrayList<>();
        with.add(Repo.java());
        with.addAll(repo.agentOptions());
        with.addAll(List.of("-cp", cp, Trivial.class.getName()));
        // As the grader starts a test JVM once its start-up cache is made: the archive's class path first.
        Repo.StartupCache cache = repo.startupCache(dir.resolve("cache"));
        List<String> cached = new ArrayList<>();
        cached.add(Repo.java());
        cached.addAll(repo.agentFlags());
        cached.addAll(cache.flags());
        cached.add("-javaagent:" + repo.agentJar() + "=" + repo.agentArgument() + ";" + cache.agentOption());
        cached.addAll(List.of("-cp", cache.classPathHead() + File.pathSeparator + repo.benchClasses(), Trivial.class.getName()));
        out.println("agent start-up: 3 warm-up and " + runs + " measured run(s) of each, alternating");
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (int i = -3; i < runs; i++) {
            Proc.Run r0 = Proc.run(without, dir, dir.resolve("without.log"), false, 120);
            Proc.Run r1 = Proc.run(with, dir, dir.resolve("with.log"), false, 120);
            Proc.Run r2 = Proc.run(cached, dir, dir.resolve("cached.log"), false, 120);
            if (r0.exitCode() != 0 || r1.exitCode() != 0 || r2.exitCode() != 0 || !Files.readString(r1.log()).isEmpty()
                    || !Files.readString(r2.log()).isEmpty()) {
                throw new IllegalStateException("the trivial JVM failed or printed something (exit " + r0.exitCode() + " without, "
                        + r1.exitCode() + " with the agent, " + r2.exitCode() + " with the start-up cache): "
                        + Proc.tail(r1.log(), 20) + Proc.tail(r2.log(), 20));
            }
            if (i >= 0) {
                a.add(r0.millis());
                b.add(r1.millis());
                c.add(r2.millis());
            }
        }
        Table t = new Table("trivial `main`", "median", "min", "max", "runs")
                .row("without the agent", Table.fmt(Proc.median(a), 0) + " ms", Table.fmt(Proc.min(a), 0) + " ms", Table.fmt(Proc.max(a), 0) + " ms", runs)
                .row("with the agent, no start-up cache (a grader's first test JVM)", Table.fmt(Proc.median(b), 0) + " ms",
                        Table.fmt(Proc.min(b), 0) + " ms", Table.fmt(Proc.max(b), 0) + " ms", runs)
                .row("with the agent and the start-up cache (every later test JVM)", Table.fmt(Proc.median(c), 0) + " ms",
                        Table.fmt(Proc.min(c), 0) + " ms", Table.fmt(Proc.max(c), 0) + " ms", runs);
        return "## The agent's start-up\n\n" + t.markdown() + "\nThe agent adds **" + Table.fmt(Proc.median(c) - Proc.median(a), 0)
                + " ms** (difference of the medians) to a test JVM that starts with the grader's start-up cache, and "
                + Table.fmt(Proc.median(b) - Proc.median(a), 0) + " ms without it. With the agent: `"
                + String.join(" ", repo.agentFlags()) + " -javaagent:grader-agent.jar=" + repo.agentArgument()
                + "`; with the cache, also `" + String.join(" ", cache.flags()).replace(dir.resolve("cache").toString(), "<cache>").replaceAll("/[0-9a-f]{24}/", "/<build>/")
                + "` and `;" + cache.agentOption().replace(dir.resolve("cache").toString(), "<cache>").replaceAll("/[0-9a-f]{24}/", "/<build>/")
                        .replaceAll("#[0-9a-f]{64}", "#<sha-256>")
                + "` (class path: `grader-agent.jar`, `grader.jar`, then the main's classes); without it, `grader.jar` and the"
                + " main's classes. The cache is made once per JDK and grader build (`grader.launch.StartupCache`), here before"
                + " the runs.\n";
    }

    // ---- the agent's cost per event (JMH) ------------------------------------------------------------------------

    private String events() throws IOException, InterruptedException {
        int forks = intProp("bench.jmhForks", 2);
        int warmups = intProp("bench.jmhWarmups", 3);
        int iterations = intProp("bench.jmhIterations", 5);
        int seconds = intProp("bench.jmhSeconds", 1);
        Path dir = Files.createDirectories(work.resolve("jmh"));
        // JMH's forks inherit this class path: the agent needs grader.jar on it (and no other grader/agent classes).
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(e).toAbsolutePath().toString()); // the forks run in another folder
        }
        entries.add(repo.graderJar().toString());
        String cp = String.join(File.pathSeparator, entries);
        Map<String, Map<String, double[]>> byVariant = new LinkedHashMap<>();
        for (String variant : List.of("off", "on")) {
            Path result = dir.resolve("agent-" + variant + ".json");
            List<String> cmd = new ArrayList<>(List.of(Repo.java(), "-cp", cp, bench.jmh.JmhRun.class.getName(), result.toString(),
                    Integer.toString(forks), Integer.toString(warmups), Integer.toString(iterations), Integer.toString(seconds),
                    "-Dbench.agent=" + variant));
            if (variant.equals("on")) {
                cmd.addAll(repo.agentOptions());
            }
            out.println("agent per event (JMH), agent " + variant + ": " + forks + " fork(s) x (" + warmups + " warm-up + "
                    + iterations + " measured) x " + seconds + " s per benchmark; log " + dir.resolve("agent-" + variant + ".log"));
            Proc.Run r = Proc.run(cmd, dir, dir.resolve("agent-" + variant + ".log"), false, RUN_TIMEOUT_SECONDS * 2);
            if (r.exitCode() != 0 || !Files.isRegularFile(result)) {
                throw new IllegalStateException("JMH failed with the agent " + variant + " (exit " + r.exitCode() + "):\n" + Proc.tail(r.log(), 30));
            }
            Map<String, double[]> scores = new LinkedHashMap<>();
            for (JsonNode b : JSON.readTree(result.toFile())) {
                String name = b.path("benchmark").asText();
                JsonNode m = b.path("primaryMetric");
                scores.put(name.substring("bench.jmh.".length()), new double[] {m.path("score").asDouble(), m.path("scoreError").asDouble()});
            }
            byVariant.put(variant, scores);
        }
        Table t = new Table("event", "without the agent (ns/op)", "with the agent (ns/op)", "overhead");
        for (Map.Entry<String, double[]> e : byVariant.get("off").entrySet()) {
            double[] off = e.getValue();
            double[] on = byVariant.get("on").get(e.getKey());
            if (on == null) {
                throw new IllegalStateException("JMH reported " + e.getKey() + " without the agent but not with it");
            }
            t.row(e.getKey(), ns(off), ns(on), Table.fmt(on[0] - off[0], 0) + " ns (" + Table.fmt((on[0] / off[0] - 1) * 100, 1) + " %)");
        }
        return "## The agent's cost per event (JMH)\n\n" + t.markdown() + "\nns/op, mean ± JMH's 99.9 % error, " + forks
                + " fork(s) x " + iterations + " iterations of " + seconds + " s after " + warmups + " warm-up iteration(s). With"
                + " the agent the forks run with `" + String.join(" ", repo.agentOptions()).replace(repo.agentJar().toString(), "grader-agent.jar")
                + "`, and each checks in its set-up that the agent passed its self-test (or, without, is absent)."
                + " `AgentEvents`: no episode is active, as in every test but the model checks (the probes count and return)."
                + " `AgentEventsInEpisode`: the same events made by a class declared as the learner's while an episode is"
                + " active, as in a model check (each event is attributed to a learner frame and recorded).\n";
    }

    private static String ns(double[] score) {
        // JMH gives no error for a single iteration: shown as n/a, never as a false ± 0.
        return Table.fmt(score[0], 0) + " ± " + Table.fmt(score[1], 0);
    }

    // ---- grade-class throughput and peak memory ------------------------------------------------------------------

    private String throughput() throws IOException, InterruptedException {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.classSize", "").isBlank() ? new String[] {"20", "100"}
                : System.getProperty("bench.classSize").split(",")).map(String::trim).map(Integer::parseInt).toList();
        int runs = intProp("bench.classRuns", 1);
        int jobs = intProp("bench.jobs", Runtime.getRuntime().availableProcessors());
        int cpus = intProp("bench.activeProcessors", 6);
        List<String> graderFlags = Arrays.stream(System.getProperty("bench.graderFlags", "").trim().split("\\s+"))
                .filter(f -> !f.isEmpty()).toList();
        Path dir = Files.createDirectories(work.resolve("class"));
        List<Repo.Submission> wrong = repo.fixtures("wrong");
        Table t = new Table("submissions", "jobs", "wall time (median)", "load average at start", "submissions / minute",
                "CPU-s per submission (all processes)", "of which the grader process", "of which test JVMs",
                "of which processes the tests start",
                "300 at this CPU on 2 cores", "peak RSS, grader process", "peak RSS, largest child process");
        StringBuilder where = new StringBuilder();
        for (int size : sizes) {
            Path classDir = Repo.fresh(dir.resolve("submissions-" + size));
            int solutions = (size + 1) / 2;
            for (int i = 0; i < size; i++) {
                if (i < solutions || wrong.isEmpty()) {
                    Repo.copyInto(classDir, String.format("solution-%03d", i + 1), repo.solutions());
                } else {
                    Repo.Submission w = wrong.get((i - solutions) % wrong.size());
                    Repo.copyInto(classDir, String.format("%03d-%s", i + 1, w.name()), w);
                }
            }
            out.println("grade-class: " + size + " submissions (" + solutions + " copies of solutions/, "
                    + (size - solutions) + " known-wrong), --jobs " + jobs + ", " + runs + " run(s)"
                    + (graderFlags.isEmpty() ? "" : ", grader JVM flags " + String.join(" ", graderFlags)));
            List<Double> seconds = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> rootCpu = new ArrayList<>();
            List<Double> childCpu = new ArrayList<>();
            List<Double> otherCpu = new ArrayList<>();
            long rootPeak = -1;
            long childPeak = -1;
            String load = Machine.loadAverage();
            Path trace = null;
            for (int i = 1; i <= runs; i++) {
                Path reports = Repo.fresh(dir.resolve("reports-" + size + "-" + i));
                trace = dir.resolve("cpu-trace-" + size + "-" + i + ".jsonl");
                Files.deleteIfExists(trace);
                List<String> cmd = new ArrayList<>();
                cmd.add(Repo.java());
                cmd.addAll(graderFlags);
                cmd.add("-Dgrader.cpuTrace=" + trace);
                cmd.addAll(List.of("-jar", repo.graderJar().toString(), "grade-class", classDir.toString(),
                        "--report-dir", reports.toString(), "--jobs", Integer.toString(jobs), "--active-processors", Integer.toString(cpus)));
                if (i == 1) {
                    load = Machine.loadAverage();
                }
                Proc.Run r = Proc.run(cmd, dir, dir.resolve("grade-class-" + size + "-" + i + ".log"), true, RUN_TIMEOUT_SECONDS * 4);
                JsonNode book = JSON.readTree(reports.resolve("gradebook.json").toFile());
                long graded = 0;
                for (JsonNode row : book.path("rows")) {
                    graded += "graded".equals(row.path("status").asText()) ? 1 : 0;
                }
                if (r.exitCode() != 0 || graded != size) {
                    throw new IllegalStateException("grade-class graded " + graded + " of " + size + " (exit " + r.exitCode() + "):\n" + Proc.tail(r.log(), 30));
                }
                out.printf("  run %d: %s s, %s CPU-s (grader %s, children %s), peak RSS grader %s, largest test JVM %s, load now %s%n", i,
                        Table.fmt(r.seconds(), 1), Table.fmt(r.cpuSeconds(), 1), Table.fmt(r.rootCpuSeconds(), 1),
                        Table.fmt(r.childCpuSeconds(), 1), Table.mib(r.rootPeakKb()), Table.mib(r.childPeakKb()), Machine.loadAverage());
                seconds.add(r.seconds());
                cpu.add(r.cpuSeconds() / size);
                rootCpu.add(r.rootCpuSeconds() / size);
                long jvmTicks = r.childCpuTicksByKind().getOrDefault(Proc.TEST_JVM, 0L);
                childCpu.add(jvmTicks / Proc.Run.TICKS_PER_SECOND / size);
                otherCpu.add((r.childCpuTicks() - jvmTicks) / Proc.Run.TICKS_PER_SECOND / size);
                out.println("    children's CPU-s by kind: " + r.childCpuTicksByKind().entrySet().stream()
                        .map(e -> e.getKey() + " " + Table.fmt(e.getValue() / Proc.Run.TICKS_PER_SECOND, 1)).collect(Collectors.joining("; ")));
                rootPeak = Math.max(rootPeak, r.rootPeakKb());
                childPeak = Math.max(childPeak, r.childPeakKb());
            }
            double median = Proc.median(seconds);
            double perSubmission = Proc.median(cpu);
            // The floor the CPU sets: 300 submissions' CPU-seconds spread over 2 fully busy cores.
            t.row(size, jobs, Table.fmt(median, 1) + " s", load, Table.fmt(size / median * 60, 1), Table.fmt(perSubmission, 2),
                    Table.fmt(Proc.median(rootCpu), 2), Table.fmt(Proc.median(childCpu), 2), Table.fmt(Proc.median(otherCpu), 2),
                    Table.fmt(perSubmission * 300 / 2 / 60, 1) + " min", Table.mib(rootPeak), Table.mib(childPeak));
            out.println(t.markdown());
            CpuBreakdown b = CpuBreakdown.read(trace);
            double graderOwn = Proc.median(rootCpu) * size - b.gradingThreadsMillis() / 1000;
            where.append("\n### Where the CPU goes, class of ").append(size).append(" (").append(b.count(true)).append(" right, ")
                    .append(b.count(false)).append(" wrong; the last run)\n\n").append(b.phaseTable())
                    .append("\nThe grader process beyond its grading threads (its start, the JIT compiling javac, ArchUnit and Jackson, the GC): **")
                    .append(Table.fmt(graderOwn / size, 2)).append(" CPU-s per submission** (")
                    .append(Table.fmt(graderOwn, 1)).append(" CPU-s in all). Test JVMs, as each measured itself: ")
                    .append(Table.fmt(b.testJvmMillis() / 1000 / size, 2)).append(" CPU-s per submission.\n\nThe tests that cost most:\n\n")
                    .append(b.topTests(8));
        }
        return "## Grading a class: throughput, CPU and peak memory\n\n" + t.markdown() + "\n`grader.jar grade-class` on folders of "
                + sizes.stream().map(String::valueOf).collect(Collectors.joining(" and ")) + " submissions: half copies of `solutions/`,"
                + " half known-wrong fixtures (`grader/src/test/resources/submissions/wrong/`, laid into the stubs, in name order,"
                + " repeated if needed), hidden tests included" + (graderFlags.isEmpty() ? "" : "; grader JVM flags `"
                + String.join(" ", graderFlags) + "`") + ". CPU-seconds are utime + stime from `/proc/<pid>/stat` of the grader and"
                + " of every process it started (each at its last sample, every " + Proc.SAMPLE_MILLIS + " ms, so a lower bound),"
                + " per submission; they do not depend on the load, the wall times do (load average at the start shown). \"300 at"
                + " this CPU\" is the time 300 such submissions take with both cores busy with nothing else: the floor the CPU sets."
                + " Peak RSS is VmHWM, the largest over the runs.\n" + where;
    }
}
