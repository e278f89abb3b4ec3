package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.engine.calibrate.Calibration;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradescope end to end: {@code java -jar grader.jar autograder-zip} builds the zip, which is unpacked
 * into a folder laid out like {@code /autograder}, and {@code run_autograder} runs there with bash, as
 * Gradescope runs it.
 */
class GradescopeAutograderIT {
    /** Full marks over every known exercise: the reference solutions' total. */
    static final double FULL = grader.verdict.ExerciseSpec.KNOWN.stream()
            .mapToDouble(id -> grader.verdict.ExerciseSpec.load(id).points().total()).sum();
    static final String FULL_MARKS = grader.report.Scores.format(FULL) + "/" + grader.report.Scores.format(FULL);

    static final Path HOME = Path.of(System.getProperty("grader.home", "target")).toAbsolutePath();
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path zip;
    static Path fetchOnlyZip;
    static String zipOutput;

    record Run(int code, String out) {}

    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // GITHUB_OUTPUT and the like from a CI run must not leak in; null removes a variable.
        pb.environment().remove("GITHUB_OUTPUT");
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 10 minutes: " + command + "\n" + out);
        }
        return new Run(p.exitValue(), out);
    }

    @BeforeAll
    static void buildTheZipWithTheRealJar() throws IOException, InterruptedException {
        Run r = run(List.of(JAVA_HOME.resolve("bin/java").toString(), "-jar", HOME.resolve("grader.jar").toString(),
                "autograder-zip", "--out", tmp.resolve("zip").toString()), Map.of());
        assertEquals(0, r.code(), r.out());
        zip = tmp.resolve("zip/autograder.zip");
        zipOutput = r.out();
        Run fetchOnly = run(List.of(JAVA_HOME.resolve("bin/java").toString(), "-jar", HOME.resolve("grader.jar").toString(),
                "autograder-zip", "--out", tmp.resolve("zip-fetch").toString(), "--exercise", "fetch"), Map.of());
        assertEquals(0, fetchOnly.code(), fetchOnly.out());
        fetchOnlyZip = tmp.resolve("zip-fetch/autograder.zip");
    }

    /** A folder laid out like /autograder: source/ unpacked from the zip, submission/, results/. */
    static Path autograderRoot(String name) throws IOException {
        return autograderRoot(name, zip);
    }

    static Path autograderRoot(String name, Path zip) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        Path source = Files.createDirectories(root.resolve("source"));
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.list(fs.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path target = source.resolve(entry.getFileName().toString());
                try (InputStream in = Files.newInputStream(entry)) {
                    Files.copy(in, target);
                }
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
            }
        }
        Files.createDirectories(root.resolve("submission"));
        Files.createDirectories(root.resolve("results"));
        return root;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    static String bash() {
        return Stream.of("/usr/bin/bash", "/bin/bash").filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElse("bash");
    }

    /** Runs run_autograder with bash, the JDK running this test first on the PATH. */
    static Run runAutograder(Path root, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(Map.of("AUTOGRADER_ROOT", root.toString(), "JAVA_HOME", JAVA_HOME.toString(),
                "PATH", JAVA_HOME.resolve("bin") + File.pathSeparator + System.getenv("PATH")));
        env.putAll(extraEnv);
        Run r = run(List.of(bash(), root.resolve("source/run_autograder").toString()), env);
        assertEquals(0, r.code(), "run_autograder always exits 0: " + r.out());
        return r;
    }

    static JsonNode results(Path root) throws IOException {
        JsonNode results = JSON.readTree(root.resolve("results/results.json").toFile());
        assertEquals(List.of(), GradescopeRules.problems(results), results.toPrettyString());
        return results;
    }

    static String allOutput(JsonNode results) {
        StringBuilder b = new StringBuilder(results.path("output").asText());
        results.get("tests").forEach(t -> b.append('\n').append(t.path("name").asText()).append(": ").append(t.path("output").asText()));
        return b.toString();
    }

    @Test
    void theZipHoldsTheScriptsExecutableAndTheJarsBesideGraderJar() throws IOException {
        List<String> names = new ArrayList<>();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.list(fs.getPath("/"))) {
            for (Path e : entries.toList()) {
                names.add(e.getFileName().toString());
            }
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("run_autograder"))));
        }
        assertAll(
                () -> assertTrue(names.containsAll(List.of("setup.sh", "run_autograder", "grader.jar", "grader-agent.jar")), names.toString()),
                () -> assertTrue(names.stream().anyMatch(n -> n.matches("grader-.*-hidden\\.jar")), "this build has hidden tests: " + names),
                () -> assertTrue(zipOutput.contains("autograder.zip"), zipOutput));
    }

    @Test
    void theReferenceSolutionsGetFullMarks() throws IOException, InterruptedException {
        Path root = autograderRoot("solutions");
        copyTree(REPO.resolve("solutions"), root.resolve("submission"));
        Path graderTmp = Files.createDirectories(root.resolve("grader-tmp")); // as setup.sh leaves it
        Run r = runAutograder(root, Map.of());
        JsonNode results = results(root);
        List<JsonNode> informational = new java.util.ArrayList<>();
        results.get("tests").forEach(t -> {
            if (!t.has("max_score")) {
                informational.add(t);
            }
        });
        assertAll(
                () -> assertTrue(Files.isDirectory(graderTmp.resolve("grader-cache-" + System.getProperty("user.name"))),
                        "the grading used the start-up cache folder under the autograder's own folder"),
                () -> assertTrue(results.get("execution_time").asDouble() > 0, "the tests' durations add up to execution_time"),
                () -> assertTrue(!informational.isEmpty() && informational.stream().allMatch(t -> t.path("extra_data").path("duration_ms").isIntegralNumber()),
                        "every test that ran has its duration"),
                () -> assertEquals(FULL, results.get("score").asDouble(), r.out()),
                () -> assertEquals(FULL, results.get("extra_data").get("maxScore").asDouble()),
                () -> assertTrue(results.get("output").asText().startsWith("# Grade: " + FULL_MARKS), results.get("output").asText()),
                () -> assertTrue(Files.isRegularFile(root.resolve("results/report.json"))),
                () -> assertTrue(r.out().matches("(?s).*\\btotal\\s+" + FULL_MARKS + "\\s+report.*"), "the console summary goes to Gradescope's stdout: " + r.out()));
    }

    @Test
    void aSubmissionThatDoesNotCompileGetsItsFeedback() throws IOException, InterruptedException {
        Path root = autograderRoot("broken");
        Calibration.layIn(Calibration.find(REPO.resolve("grader/src/test/resources/submissions/broken/fetch-compile-error")).get(0),
                REPO.resolve("exercises"), root.resolve("submission"));
        runAutograder(root, Map.of());
        JsonNode results = results(root);
        String output = allOutput(results);
        assertAll(
                () -> assertEquals(0.0, results.get("score").asDouble()),
                () -> assertTrue(output.contains("Your code does not compile: src/main/java/course/fetch/StatusFetcher.java:13: ';' expected"), output),
                () -> assertTrue(output.contains("Fix the first error"), output),
                () -> assertTrue(output.contains("No Java sources for compute"), output));
    }

    @Test
    void looseJavaFilesArePlacedByTheirPackage() throws IOException, InterruptedException {
        // An assignment of fetch alone (autograder-zip --exercise fetch), the learner's file uploaded on its own.
        Path root = autograderRoot("loose", fetchOnlyZip);
        Files.copy(REPO.resolve("solutions/src/main/java/course/fetch/StatusFetcher.java"), root.resolve("submission/StatusFetcher.java"));
        Run r = runAutograder(root, Map.of());
        JsonNode results = results(root);
        assertAll(
                () -> assertEquals(15.0, results.get("score").asDouble(), r.out()),
                () -> assertTrue(r.out().matches("(?s).*\\bfetch\\s+15/15\\s+functional.*"), r.out()));
    }

    @Test
    void whenTheGraderCannotGradeResultsSayWhyWithScoreZero() throws IOException, InterruptedException {
        Path root = autograderRoot("misconfigured");
        copyTree(REPO.resolve("solutions"), root.resolve("submission"));
        runAutograder(root, Map.of("GRADER_OPTIONS", "--exercise no-such-exercise"));
        JsonNode results = results(root);
        JsonNode entry = results.get("tests").get(0);
        assertAll(
                () -> assertEquals(0, results.get("score").asInt()),
                () -> assertTrue(results.get("output").asText().contains("The autograder is misconfigured"), results.toPrettyString()),
                () -> assertTrue(entry.get("output").asText().contains("--exercise no-such-exercise: no such exercise"), results.toPrettyString()),
                () -> assertEquals("hidden", entry.get("visibility").asText(), "staff details stay with staff"));
    }

    @Test
    void withoutAJdkResultsSayWhyWithScoreZero() throws IOException, InterruptedException {
        Path root = autograderRoot("no-jdk");
        // A PATH with the tools the script uses and no java; no JAVA_HOME; no JDK folders to search.
        Path bin = Files.createDirectories(tmp.resolve("bin-without-java"));
        for (String tool : List.of("bash", "sed", "awk", "tr", "mktemp", "readlink", "dirname", "find", "cp", "mkdir", "grep", "tail",
                "head", "cut", "cat", "mv", "rm", "iconv", "timeout")) {
            Stream.of("/usr/bin/", "/bin/").map(d -> Path.of(d + tool)).filter(Files::isExecutable).findFirst()
                    .ifPresent(t -> link(bin.resolve(tool), t));
        }
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", null);
        env.put("AUTOGRADER_JVM_DIRS", tmp.resolve("no-jvms").toString());
        runAutograder(root, env);
        JsonNode results = results(root);
        assertAll(
                () -> assertEquals(0, results.get("score").asInt()),
                () -> assertTrue(results.get("output").asText().contains("no JDK 21 or newer was found"), results.toPrettyString()),
                () -> assertTrue(results.get("tests").get(0).get("output").asText().contains("AUTOGRADER_JAVA")));
    }

    static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void setupInstallsNothingWhenAJdkAndMavenArePresent() throws IOException, InterruptedException {
        Path root = autograderRoot("setup");
        Path stubs = Files.createDirectories(tmp.resolve("stubs"));
        Path calls = tmp.resolve("apt-calls.txt");
        for (String tool : List.of("apt-get", "apt-cache")) {
            Path stub = stubs.resolve(tool);
            Files.writeString(stub, "#!/usr/bin/env bash\necho \"" + tool + " $*\" >> '" + calls + "'\nexit 1\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path mvn = stubs.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\nexit 0\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run r = run(List.of(bash(), root.resolve("source/setup.sh").toString()), Map.of("JAVA_HOME", JAVA_HOME.toString(),
                "PATH", JAVA_HOME.resolve("bin") + File.pathSeparator + stubs + File.pathSeparator + System.getenv("PATH")));
        assertAll(
                () -> assertEquals(0, r.code(), r.out()),
                () -> assertTrue(r.out().contains("JDK found: " + JAVA_HOME.resolve("bin/java").toRealPath()), r.out()),
                () -> assertTrue(r.out().contains("start-up cache ready: "), r.out()),
                () -> assertFalse(Files.exists(calls), "apt was called: " + (Files.exists(calls) ? Files.readString(calls) : "")));
    }

    /** Stubs for apt-get, apt-cache, curl, gpg and mvn that log their calls; apt-get's install of temurin-25-jdk "installs" this JDK. */
    static Path stubsForADebianWithoutJdk(String name, boolean curlWorks, Path jvms, Path calls) throws IOException {
        Path stubs = Files.createDirectories(tmp.resolve(name));
        Map<String, String> bodies = Map.of(
                "apt-cache", "exit 100\n", // Debian 12: no openjdk-25 or openjdk-21 in its lists
                "apt-get", "case \"$*\" in *temurin-25-jdk*) ln -s '" + JAVA_HOME + "' '" + jvms.resolve("temurin-25-jdk-amd64") + "';; esac\nexit 0\n",
                "curl", curlWorks ? "echo 'PUBLIC KEY'\n" : "echo 'curl: (6) Could not resolve host' >&2\nexit 6\n",
                "gpg", "out=''\nwhile [ $# -gt 0 ]; do [ \"$1\" = -o ] && out=\"$2\"; shift; done\ncat > \"$out\"\n",
                "mvn", "exit 0\n");
        for (Map.Entry<String, String> b : bodies.entrySet()) {
            Path stub = stubs.resolve(b.getKey());
            Files.writeString(stub, "#!/usr/bin/env bash\necho \"" + b.getKey() + " $*\" >> '" + calls + "'\n" + b.getValue());
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return stubs;
    }

    static Map<String, String> debianEnvironment(Path root, Path stubs, Path jvms) throws IOException {
        Path osRelease = root.resolve("os-release");
        Files.writeString(osRelease, "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\n");
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", stubs + File.pathSeparator + System.getenv("PATH")); // its java, if any, is older than 21 here
        env.put("JAVA_HOME", null);
        env.put("AUTOGRADER_JVM_DIRS", jvms.toString());
        env.put("SETUP_APT_DIR", root.resolve("etc-apt").toString());
        env.put("SETUP_OS_RELEASE", osRelease.toString());
        return env;
    }

    @Test
    void onAnImageWithoutAJdkInAptSetupInstallsTemurinFromAdoptiumsSignedRepositoryAndKeepsTheCacheInItsOwnFolder()
            throws IOException, InterruptedException {
        Path root = autograderRoot("setup-debian");
        Path jvms = Files.createDirectories(tmp.resolve("debian-jvms"));
        Path calls = tmp.resolve("debian-calls.txt");
        Path stubs = stubsForADebianWithoutJdk("debian-stubs", true, jvms, calls);
        Run r = run(List.of(bash(), root.resolve("source/setup.sh").toString()), debianEnvironment(root, stubs, jvms));
        String log = Files.readString(calls);
        Path sources = root.resolve("etc-apt/sources.list.d/adoptium.list");
        assertAll(r.out() + "\n" + log,
                () -> assertEquals(0, r.code()),
                () -> assertTrue(log.contains("apt-get install -y --no-install-recommends temurin-25-jdk")),
                () -> assertTrue(log.contains("curl -fsSL https://packages.adoptium.net/artifactory/api/gpg/key/public")),
                () -> assertEquals("deb [signed-by=" + root.resolve("etc-apt/keyrings/adoptium.gpg")
                        + "] https://packages.adoptium.net/artifactory/deb bookworm main\n", Files.readString(sources)),
                () -> assertTrue(r.out().contains("JDK installed: " + JAVA_HOME.resolve("bin/java").toRealPath())),
                () -> assertTrue(r.out().contains("start-up cache ready: " + root.resolve("grader-tmp")), "the cache is in the autograder's folder"),
                () -> assertTrue(Files.isDirectory(root.resolve("grader-tmp").resolve("grader-cache-" + System.getProperty("user.name")))));
    }

    @Test
    void whenNoJdkCanBeInstalledSetupStopsWithTheExactSteps() throws IOException, InterruptedException {
        Path root = autograderRoot("setup-offline");
        Path jvms = Files.createDirectories(tmp.resolve("offline-jvms"));
        Path calls = tmp.resolve("offline-calls.txt");
        Path stubs = stubsForADebianWithoutJdk("offline-stubs", false, jvms, calls);
        Run r = run(List.of(bash(), root.resolve("source/setup.sh").toString()), debianEnvironment(root, stubs, jvms));
        assertAll(r.out(),
                () -> assertEquals(1, r.code()),
                () -> assertTrue(r.out().contains("neither openjdk-25-jdk-headless nor\nopenjdk-21-jdk-headless")),
                () -> assertTrue(r.out().contains("curl -fsSL https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor -o /etc/apt/keyrings/adoptium.gpg")),
                () -> assertTrue(r.out().contains("$(. /etc/os-release && echo $VERSION_CODENAME) main\" > /etc/apt/sources.list.d/adoptium.list")),
                () -> assertTrue(r.out().contains("apt-get update && apt-get install -y temurin-25-jdk")));
    }
}
