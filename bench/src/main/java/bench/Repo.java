package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the benchmarks measure, found in a built checkout: the grader's jars, the console launcher, the reference
 * solutions, the known submissions and the exercise specs. Exercises and submissions are discovered (spec files in
 * {@code grader.jar}, fixture folders), never listed here, since both grow.
 *
 * @param root        the repository
 * @param target      this module's {@code target/}
 * @param graderJar   {@code grader/target/grader.jar}
 * @param agentJar    {@code grader/target/grader-agent.jar}
 * @param hiddenJar   {@code grader/target/grader-*-hidden.jar}
 * @param consoleJar  the JUnit console launcher, standalone
 * @param benchClasses this module's classes ({@code Trivial}, {@code CpuLoad})
 * @param specs       every exercise spec in {@code grader.jar}, by file name
 * @param agentFlags  {@code grader.probes.AgentFlags.JVM_FLAGS}, read from {@code grader.jar}
 */
record Repo(Path root, Path target, Path graderJar, Path agentJar, Path hiddenJar, Path consoleJar, Path benchClasses,
            List<Spec> specs, List<String> agentFlags) {

    /** One exercise: its id, the kernels the agent watches, and every test class it runs (public, model, hidden). */
    record Spec(String id, List<String> kernels, List<String> testClasses) {}

    /** A known submission: a folder with {@code src/main/java}, and the name it gets in a class folder. */
    record Submission(String name, Path dir) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code -Dbench.repo} and {@code -Dbench.target}; says what to build when something is missing. */
    static Repo locate() throws IOException {
        Path root = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        Path target = Path.of(System.getProperty("bench.target", root.resolve("bench/target").toString())).toAbsolutePath().normalize();
        Path graderTarget = root.resolve("grader/target");
        Path graderJar = need(graderTarget.resolve("grader.jar"));
        Path agentJar = need(graderTarget.resolve("grader-agent.jar"));
        Path hidden;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(graderTarget, "grader-*-hidden.jar")) {
            List<Path> found = new ArrayList<>();
            jars.forEach(found::add);
            if (found.isEmpty()) {
                throw new IllegalStateException("no grader-*-hidden.jar in " + graderTarget + ": run `mvn -B -Pbench verify` from the repository root");
            }
            hidden = found.get(0);
        }
        Path console = need(target.resolve("lib/junit-platform-console-standalone.jar"));
        Path classes = need(target.resolve("classes"));
        return new Repo(root, target, graderJar, agentJar, hidden, console, classes, specs(graderJar), agentFlags(graderJar));
    }

    private static Path need(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run `mvn -B -Pbench verify` from the repository root,"
                    + " which builds the grader, the solutions and this module first");
        }
        return p;
    }

    private static List<Spec> specs(Path graderJar) throws IOException {
        List<Spec> specs = new ArrayList<>();
        try (JarFile jar = new JarFile(graderJar.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (!name.startsWith("grader/exercises/") || !name.endsWith(".json") || name.indexOf('/', "grader/exercises/".length()) >= 0) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    JsonNode spec = JSON.readTree(in);
                    List<String> tests = new ArrayList<>();
                    for (String kind : List.of("publicTests", "model", "hidden")) {
                        spec.path("tests").path(kind).forEach(t -> tests.add(t.asText()));
                    }
                    List<String> kernels = new ArrayList<>();
                    spec.path("kernels").forEach(k -> kernels.add(k.asText()));
                    specs.add(new Spec(spec.path("id").asText(), List.copyOf(kernels), List.copyOf(tests)));
                }
            }
        }
        specs.sort((a, b) -> a.id().compareTo(b.id()));
        if (specs.isEmpty()) {
            throw new IllegalStateException(graderJar + " holds no grader/exercises/*.json: is it the grader's shaded jar?");
        }
        return List.copyOf(specs);
    }

    @SuppressWarnings("unchecked")
    private static List<String> agentFlags(Path graderJar) {
        // The one list the grader itself uses next to -javaagent, so the benchmarks never drift from it.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {graderJar.toUri().toURL()}, null)) {
            return List.copyOf((List<String>) Class.forName("grader.probes.AgentFlags", true, loader).getField("JVM_FLAGS").get(null));
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot read grader.probes.AgentFlags.JVM_FLAGS from " + graderJar + ": " + e, e);
        }
    }

    /** {@return the {@code java} this JVM runs on: every child JVM uses the same} */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@return the agent's argument as the grader builds it: every exercise's kernels, loopback only, and thread and
     * process caps so high that no benchmark reaches them (so starts are counted, as in grading, but never refused)}
     */
    String agentArgument() {
        List<String> kernels = specs.stream().flatMap(s -> s.kernels().stream()).toList();
        return "kernels=" + String.join(",", kernels) + ";threads=" + Integer.MAX_VALUE + ";processes=" + Integer.MAX_VALUE
                + ";network=loopback";
    }

    /** {@return the JVM options that attach the agent as the grader's test JVM has it} */
    List<String> agentOptions() {
        List<String> options = new ArrayList<>(agentFlags);
        options.add("-javaagent:" + agentJar + "=" + agentArgument());
        return options;
    }

    /**
     * The test JVM's start-up cache as the grader makes and uses it ({@code grader.launch.StartupCache}, called in
     * {@code grader.jar}), made in {@code root}.
     *
     * @param flags the flags before {@code -javaagent}
     * @param agentOption the agent option naming the transformed JDK classes
     * @param classPathHead what the class path starts with (the archive was made for it)
     */
    record StartupCache(List<String> flags, String agentOption, String classPathHead) {}

    @SuppressWarnings("unchecked")
    StartupCache startupCache(Path root) {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {graderJar.toUri().toURL()}, null)) {
            Class<?> type = Class.forName("grader.launch.StartupCache", true, loader);
            Object cache = type.getMethod("at", Path.class).invoke(null, root);
            Object ready = ((java.util.Optional<Object>) type.getMethod("ready", Path.class, Path.class).invoke(cache, agentJar, graderJar))
                    .orElseThrow(() -> new IllegalStateException("the grader could not make its start-up cache in " + root
                            + " (see failed.txt there)"));
            return new StartupCache(List.copyOf((List<String>) ready.getClass().getMethod("jvmFlags").invoke(ready)),
                    (String) ready.getClass().getMethod("agentOption").invoke(ready),
                    agentJar + java.io.File.pathSeparator + graderJar);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot make the start-up cache with " + graderJar + ": " + e, e);
        }
    }

    /** {@return every test class of every exercise, in spec order} */
    List<String> allTestClasses() {
        return specs.stream().flatMap(s -> s.testClasses().stream()).toList();
    }

    /** {@return the reference solutions as a submission} */
    Submission solutions() {
        return new Submission("solutions", root.resolve("solutions"));
    }

    /** {@return the known submissions of one fixture set ("right", "wrong", ...), sorted by name} */
    List<Submission> fixtures(String set) throws IOException, InterruptedException {
        Path dir = root.resolve("grader/src/test/resources/submissions").resolve(set);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no fixture set " + dir + " (sets are the folders under grader/src/test/resources/submissions)");
        }
        List<Path> kids;
        try (Stream<Path> list = Files.list(dir)) {
            kids = list.filter(Files::isDirectory).sorted().toList();
        }
        if (kids.stream().noneMatch(p -> Files.isRegularFile(p.resolve("expected.json")))) {
            return kids.stream().map(p -> new Submission(set + "-" + p.getFileName(), p)).toList();
        }
        // Labelled fixtures hold only the learner's code: the grader lays them into the stubs, once per set.
        Path laid = fresh(target().resolve("laid-" + set));
        Path log = target().resolve("laid-" + set + ".log");
        Proc.Run run = Proc.run(List.of(java(), "-jar", graderJar().toString(), "calibrate", dir.toString(), "--exercises-dir",
                root.resolve("exercises").toString(), "--lay-in-only", laid.toString()), root, log, false, 120);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("cannot lay the fixtures of " + dir + " into the stubs: " + Proc.tail(log, 10));
        }
        return kids.stream().filter(p -> Files.isRegularFile(p.resolve("expected.json")))
                .map(p -> new Submission(set + "-" + p.getFileName(), laid.resolve(p.getFileName().toString()))).toList();
    }

    /** Copies a submission's {@code src/} (nothing built) to {@code classDir/name}. */
    static void copyInto(Path classDir, String name, Submission s) throws IOException {
        Path from = s.dir().resolve("src");
        Path to = classDir.resolve(name).resolve("src");
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path dest = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Deletes a folder this module made under {@code target/}, and makes it anew. */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
