package grader.starter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter exported from this repository by the real {@code grader.jar}, as a learner gets it: nothing the
 * course keeps is inside, and a plain {@code mvn verify} in it (a child Maven, from the {@code PATH}) fails on the
 * stubs with the grader's feedback and passes with the reference solutions.
 */
class LearnerStarterIT {
    /** Full marks over every known exercise: the reference solutions' total. */
    static final double FULL = grader.verdict.ExerciseSpec.KNOWN.stream()
            .mapToDouble(id -> grader.verdict.ExerciseSpec.load(id).points().total()).sum();
    static final String FULL_MARKS = grader.report.Scores.format(FULL) + "/" + grader.report.Scores.format(FULL);

    static final Path HOME = Path.of(System.getProperty("grader.home", "target")).toAbsolutePath().normalize();
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    /** Generous: a cold child Maven resolves its plugins before it compiles and grades two exercises. */
    static final Duration CHILD_BUDGET = Duration.ofMinutes(10);

    @TempDir
    static Path tmp;
    static Path starter;
    static Run export;

    record Run(int code, String out) {}

    @BeforeAll
    static void exportTheStarterFromThisRepository() throws Exception {
        starter = tmp.resolve("starter");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        export = run(tmp, "export", java, "-jar", HOME.resolve("grader.jar").toString(), "export-starter",
                "--repo", REPO.toString(), "--out", starter.toString());
        assertEquals(0, export.code(), export.out());
    }

    @Test
    void theExportSaysWhatItWroteAndTheOneCommand() {
        assertAll(
                () -> assertTrue(export.out().contains("wrote the learner starter to " + starter), export.out()),
                () -> assertTrue(export.out().contains("lib/grader.jar"), export.out()),
                () -> assertTrue(export.out().contains("mvn verify"), export.out()));
    }

    @Test
    void noFileAndNoJarEntryIsWhatTheCourseKeeps() throws IOException {
        Set<String> hidden = hiddenClasses();
        assertFalse(hidden.isEmpty(), "the hidden jar beside grader.jar lists the classes to look for");
        List<String> leaks = new ArrayList<>();
        List<Path> files = files(starter);
        for (Path file : files) {
            String name = starter.relativize(file).toString().replace('\\', '/');
            leaks.addAll(secrets(name, hidden));
            if (name.endsWith(".java") && !name.startsWith("exercises/src/")) {
                leaks.add(name + ": a source outside the exercises");
            }
            if (isArchive(name)) {
                try (InputStream in = Files.newInputStream(file)) {
                    scanArchive(name, in, hidden, leaks);
                }
            }
            if (isSolution(file)) {
                leaks.add(name + ": a reference solution, byte for byte");
            }
        }
        assertAll(
                () -> assertEquals(List.of(), leaks),
                () -> assertTrue(files.contains(starter.resolve("lib/grader.jar")) && files.contains(starter.resolve("lib/grader-agent.jar")),
                        files::toString),
                () -> assertEquals(List.of(), stubsThatDifferFromTheRepository()));
    }

    @Test
    void mavenVerifyFailsOnTheStubsWithTheGradersFeedback() throws Exception {
        Path learner = copyOfTheStarter("stubs");
        Run r = mvnVerify(learner);
        assertAll(
                () -> assertNotEquals(0, r.code(), r.out()),
                () -> assertTrue(r.out().contains("not-implemented"), r.out()),
                () -> assertTrue(r.out().contains("Not full marks yet"), r.out()),
                () -> assertEquals("below-full-marks", outcome(learner), r.out()));
    }

    @Test
    void mavenVerifyPassesWithTheReferenceSolutions() throws Exception {
        Path learner = copyOfTheStarter("solved");
        copyTree(REPO.resolve("solutions/src/main/java/course"), learner.resolve("exercises/src/main/java/course"));
        Run r = mvnVerify(learner);
        assertAll(
                () -> assertEquals(0, r.code(), r.out()),
                () -> assertEquals("full-marks", outcome(learner), r.out()),
                () -> assertTrue(r.out().contains(FULL_MARKS), r.out()));
    }

    @Test
    void oneExerciseIsGradedByTheGraderWhichTurnsACompileErrorIntoFeedbackAndTheBuildEndsWithTheLearnersLine() throws Exception {
        Path learner = copyOfTheStarter("one");
        Files.copy(REPO.resolve("solutions/src/main/java/course/fetch/StatusFetcher.java"),
                learner.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path compute = learner.resolve("exercises/src/main/java/course/compute/FactorialSums.java");
        Files.writeString(compute, Files.readString(compute).replace("throw new UnsupportedOperationException(\"TODO\");", "return null"));
        String mvn = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        Run r = run(learner, "mvn-one", mvn, "-B", "-ntp", "verify", "-Dexercise=fetch,compute");
        List<String> lines = r.out().lines().toList();
        assertAll(
                () -> assertNotEquals(0, r.code(), r.out()),
                () -> assertTrue(r.out().matches("(?s).*\\bfetch\\s+15/15\\s+functional.*"), "fetch is graded in full: " + r.out()),
                () -> assertTrue(r.out().contains("compile-error"), "compute's compile error is its feedback: " + r.out()),
                () -> assertTrue(r.out().contains("FactorialSums.java:"), "with the line: " + r.out()),
                () -> assertFalse(r.out().matches("(?s).*\\n(threads|lock|crawl|processes|pipeline)\\s+\\d.*"), "no other exercise: " + r.out()),
                () -> assertTrue(lines.contains("Not full marks yet: compute 0/15 (report: exercises/target/grader/report.json)"), r.out()),
                () -> assertTrue(r.out().contains("on project exercises"), "Maven's footer names the learner's work: " + r.out()),
                () -> assertFalse(r.out().contains("COMPILATION ERROR"), "Maven's compiler never stops the build: " + r.out()));
    }

    /** What a starter must never hold, judged from an entry's or file's name; empty if none. */
    static List<String> secrets(String name, Set<String> hiddenClasses) {
        List<String> found = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : lower.split("/")) {
            if (part.equals("solutions") || part.equals("submissions")) {
                found.add(name + ": a " + part + " folder");
            }
        }
        if (lower.startsWith("grader/hidden/") || lower.contains("/grader/hidden/") || hiddenClasses.contains(name)) {
            found.add(name + ": a hidden test class");
        }
        if (lower.endsWith("-hidden.jar")) {
            found.add(name + ": the hidden tests' jar");
        }
        return found;
    }

    /** Every entry of a jar, and of the jars inside it. */
    static void scanArchive(String name, InputStream in, Set<String> hidden, List<String> leaks) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String entry = e.getName();
            for (String leak : secrets(entry, hidden)) {
                leaks.add(name + "!" + leak);
            }
            if (entry.endsWith(".java")) {
                leaks.add(name + "!" + entry + ": a source file");
            }
            if (isArchive(entry)) {
                scanArchive(name + "!" + entry, zip, hidden, leaks);
            }
        }
    }

    static boolean isArchive(String name) {
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    static Set<String> hiddenClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> jars = Files.list(HOME)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith("-hidden.jar")).toList()) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        if (e.getName().endsWith(".class")) {
                            classes.add(e.getName());
                        }
                    }
                }
            }
        }
        return classes;
    }

    /** A file of the reference solutions, byte for byte; code the exercise gives (the same in exercises/) is no secret. */
    static boolean isSolution(Path file) throws IOException {
        Path solutions = REPO.resolve("solutions/src");
        for (Path solution : files(solutions)) {
            Path given = REPO.resolve("exercises/src").resolve(solutions.relativize(solution).toString());
            if (Files.isRegularFile(given) && Files.mismatch(given, solution) == -1) {
                continue;
            }
            if (Files.size(solution) == Files.size(file) && Files.mismatch(solution, file) == -1) {
                return true;
            }
        }
        return false;
    }

    static List<String> stubsThatDifferFromTheRepository() throws IOException {
        List<String> differ = new ArrayList<>();
        Path exported = starter.resolve("exercises/src");
        for (Path original : files(REPO.resolve("exercises/src"))) {
            Path copy = exported.resolve(REPO.resolve("exercises/src").relativize(original).toString());
            if (!Files.isRegularFile(copy) || Files.mismatch(original, copy) != -1) {
                differ.add(copy.toString());
            }
        }
        return differ;
    }

    static Run mvnVerify(Path dir) throws IOException, InterruptedException {
        String mvn = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        return run(dir, "mvn-" + dir.getFileName(), mvn, "-B", "-ntp", "-q", "verify");
    }

    /** Runs a child process in {@code dir} with this JVM's environment; its output goes to a log file, then into the result. */
    static Run run(Path dir, String name, String... command) throws IOException, InterruptedException {
        Path log = tmp.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(CHILD_BUDGET.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " ran past " + CHILD_BUDGET + " and was killed; its output:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static String outcome(Path learner) throws IOException {
        Path file = learner.resolve("exercises/target/grader/outcome.txt");
        // The outcome word is the first line; below full marks the learner's line follows it.
        return Files.isRegularFile(file) ? Files.readAllLines(file).get(0).trim() : "(no outcome.txt)";
    }

    static Path copyOfTheStarter(String name) throws IOException {
        Path copy = tmp.resolve(name);
        copyTree(starter, copy);
        return copy;
    }

    static void copyTree(Path from, Path to) throws IOException {
        for (Path file : files(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
