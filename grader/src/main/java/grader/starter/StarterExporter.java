package grader.starter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a learner's starter: what learners get, and nothing the course keeps to itself (the
 * hidden tests are physically absent, not merely hidden).
 *
 * <p>The starter holds {@code exercises/} (stubs, public tests, docs; its {@code pom.xml} made a module of the
 * starter), {@code lib/grader.jar} and {@code lib/grader-agent.jar}, a root {@code pom.xml} where {@code mvn verify}
 * selects a JDK 21+, compiles the exercises, grades them with those jars ({@code --no-hidden}) and fails until full
 * marks, a {@code README.md} with that one command, and a {@code .gitignore}. Only these are written, each by name:
 * never the hidden tests' jar, {@code solutions/}, the grader's known-wrong submissions or its sources.
 */
public final class StarterExporter {
    private static final String TEMPLATES = "/grader/starter/";
    /** The body every stubbed method ships with; a class learners implement keeps it until they do. */
    static final String STUB_BODY = "throw new UnsupportedOperationException(\"TODO\");";

    /**
     * What a starter is made from.
     *
     * @param repo      the course repository: the folder that holds {@code exercises/} (and {@code solutions/})
     * @param graderJar the engine's {@code grader.jar}, copied to {@code lib/grader.jar}
     * @param agentJar  its {@code grader-agent.jar}, copied to {@code lib/grader-agent.jar}
     */
    public record Source(Path repo, Path graderJar, Path agentJar) {
        public Source {
            repo = repo.toAbsolutePath().normalize();
            Objects.requireNonNull(graderJar, "graderJar");
            Objects.requireNonNull(agentJar, "agentJar");
        }
    }

    /** One entry of the starter's top level: its path (a folder ends in {@code /}), its file count and its purpose. */
    public record Item(String path, int files, String what) {}

    /** The starter written: its folder and its top-level entries, in the order written. */
    public record Exported(Path folder, List<Item> items) {
        public Exported {
            items = List.copyOf(items);
        }
    }

    private StarterExporter() {}

    /**
     * Refuses, before anything is written, a starter that cannot be exported from {@code repo} into {@code out}.
     *
     * @throws StarterException if {@code repo} has no {@code exercises/pom.xml}, {@code out} exists and is not an
     *                          empty folder or lies inside {@code exercises/}, or a class learners implement is not
     *                          the stub as shipped: its {@link #STUB_BODY} is gone, or it is byte for byte its
     *                          reference solution in {@code solutions/}
     * @throws IOException      if the repository cannot be read
     */
    public static void check(Path repo, Path out) throws IOException {
        Path root = repo.toAbsolutePath().normalize();
        Path exercises = root.resolve("exercises");
        Path folder = out.toAbsolutePath().normalize();
        if (!Files.isRegularFile(exercises.resolve("pom.xml"))) {
            throw new StarterException(root + " is not the course repository: it has no exercises/pom.xml", root);
        }
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new StarterException("the starter's folder " + folder + " exists and is not empty: name a new or empty folder", folder);
        }
        if (folder.startsWith(exercises)) {
            throw new StarterException("the starter's folder " + folder + " is inside the exercises it copies", folder);
        }
        refuseSolutions(root, exerciseFiles(exercises));
    }

    /**
     * Writes the starter into {@code out}, which must not exist yet or be an empty folder. A refusal
     * ({@link StarterException}) writes nothing; a failure while writing removes what was written.
     *
     * @return what was written
     * @throws StarterException for any refusal of {@link #check}, or if a jar of {@code source} is missing
     * @throws IOException      if reading the repository or writing {@code out} fails
     */
    public static Exported export(Source source, Path out) throws IOException {
        check(source.repo(), out);
        for (Path jar : List.of(source.graderJar(), source.agentJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new StarterException(jar + " is missing: build the grader first (mvn -q package -DskipTests)", jar);
            }
        }
        Path folder = out.toAbsolutePath().normalize();
        boolean created = !Files.exists(folder);
        try {
            return write(source, folder);
        } catch (IOException | RuntimeException e) {
            removeWritten(folder, created);
            throw e;
        }
    }

    private static Exported write(Source source, Path folder) throws IOException {
        Path exercises = source.repo().resolve("exercises");
        List<Path> files = exerciseFiles(exercises);
        String rootPom = template("starter-pom.xml");
        List<Item> items = new ArrayList<>();

        Path to = folder.resolve("exercises");
        for (Path file : files) {
            Path target = to.resolve(exercises.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        Path pom = exercises.resolve("pom.xml");
        String adapted = ExercisesPom.adapt(Files.readString(pom), pom, ExercisesPom.coordinatesOf(rootPom));
        Files.writeString(to.resolve("pom.xml"), adapted);
        items.add(new Item("exercises/", files.size(), "stubs, public tests and docs; its pom.xml made a module of the starter"));

        Files.createDirectories(folder.resolve("lib"));
        Files.copy(source.graderJar(), folder.resolve("lib/grader.jar"));
        items.add(new Item("lib/grader.jar", 1, "the grading engine, without the hidden tests"));
        Files.copy(source.agentJar(), folder.resolve("lib/grader-agent.jar"));
        items.add(new Item("lib/grader-agent.jar", 1, "its -javaagent, which observes threads, pools and processes"));

        Files.writeString(folder.resolve("pom.xml"), rootPom);
        items.add(new Item("pom.xml", 1, "mvn verify: picks a JDK 21+, compiles, grades exercises/ and fails until full marks"));
        Files.writeString(folder.resolve("README.md"), template("README.md"));
        items.add(new Item("README.md", 1, "the learner's one command"));
        Files.writeString(folder.resolve(".gitignore"), template("gitignore"));
        items.add(new Item(".gitignore", 1, "build output and editor files"));
        return new Exported(folder, items);
    }

    /** The files of {@code exercises/} a learner gets: everything but build output and editor files. */
    static List<Path> exerciseFiles(Path exercises) throws IOException {
        try (Stream<Path> walk = Files.walk(exercises)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isLearnerFile(exercises.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isLearnerFile(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return !name.endsWith(".iml") && !name.endsWith(".class") && !name.startsWith("hs_err_pid");
    }

    /**
     * The starter gets the stubs as shipped, never a working copy's implementations: a class learners implement must
     * still hold its {@link #STUB_BODY} (every stub has exactly one), and must not be its reference solution. Only the
     * classes learners implement count (those the exercise specs' {@code structure} names): code the exercise gives,
     * such as the records of {@code course.processes}, is the same on both sides by design.
     */
    private static void refuseSolutions(Path repo, List<Path> files) throws IOException {
        Path stubs = repo.resolve("exercises/src/main/java");
        Path solutions = repo.resolve("solutions/src/main/java");
        java.util.Set<Path> implemented = new java.util.HashSet<>();
        for (String id : grader.verdict.ExerciseSpec.KNOWN) {
            for (grader.verdict.ExerciseSpec.MethodSpec m : grader.verdict.ExerciseSpec.load(id).structure()) {
                implemented.add(stubs.resolve(m.className().replace('.', '/') + ".java"));
            }
        }
        for (Path file : files) {
            if (!implemented.contains(file)) {
                continue;
            }
            Path solution = solutions.resolve(stubs.relativize(file).toString());
            if (Files.isRegularFile(solution) && Files.mismatch(file, solution) == -1) {
                throw new StarterException(repo.relativize(file) + " is the reference solution (the same as "
                        + repo.relativize(solution) + "): restore the stub before exporting", file);
            }
            if (!Files.readString(file).contains(STUB_BODY)) {
                throw new StarterException(repo.relativize(file) + " is not the stub as shipped: its `" + STUB_BODY
                        + "` is gone, so it holds someone's implementation. Export from the course's own checkout, or restore"
                        + " the stub first (git checkout -- " + repo.relativize(file) + ")", file);
            }
        }
    }

    private static String template(String name) {
        try (InputStream in = StarterExporter.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's jar has no starter template " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    /** Leaves {@code folder} as it was found: absent, or empty. */
    private static void removeWritten(Path folder, boolean created) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(p -> created || !p.equals(folder))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the error that stopped the export is the one to report.
        }
    }
}
