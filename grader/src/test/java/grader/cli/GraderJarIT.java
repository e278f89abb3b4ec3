package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code java -jar grader.jar}, as a pipeline runs it: exit codes, report file, summary. */
class GraderJarIT {
    static final Path HOME = Path.of(System.getProperty("grader.home", "target"));
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();

    record Run(int code, String out) {}

    static Run run(String java, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", HOME.resolve("grader.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void gradingTheStubsExitsOneWithACompleteReport(@TempDir Path reports) throws Exception {
        Run r = run(currentJava(), "grade", REPO.resolve("exercises").toString(), "--exercise", "fetch", "--no-hidden",
                "--report-dir", reports.toString());
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        JsonNode fetch = report.get("exercises").get(0);
        assertAll(
                () -> assertEquals(1, r.code(), r.out()),
                () -> assertTrue(r.out().contains("not-implemented"), r.out()),
                () -> assertTrue(r.out().contains("Not implemented yet"), r.out()),
                () -> assertTrue(r.out().strip().endsWith("Not full marks yet: fetch 0/15 (report: " + reports.resolve("report.json") + ")"),
                        "the last line says which exercises and where the report is: " + r.out()),
                () -> assertEquals(2, report.get("schemaVersion").asInt()),
                () -> assertEquals("fetch", fetch.get("id").asText()),
                () -> assertEquals(0.0, fetch.get("score").asDouble()),
                () -> assertEquals("not-implemented", fetch.get("verdict").get("flaws").get(0).get("id").asText()),
                () -> assertTrue(fetch.get("tests").size() >= 7, "public tests and model checks are all listed"),
                () -> assertTrue(report.get("environment").get("hiddenTests").isBoolean()));
    }

    @Test
    void fakeReportFilesPlantedWhereTheReportGoesAreReplacedOrRemovedBeforeGrading(@TempDir Path reports) throws Exception {
        // A learner can commit target/grader/* into the submission: a pipeline must never read those.
        String fake = "{\"score\": 30, \"maxScore\": 30, \"tests\": []}";
        Files.writeString(reports.resolve("report.json"), fake);
        Files.writeString(reports.resolve("results.json"), fake);
        Files.writeString(reports.resolve("summary.md"), "total 30/30");
        Files.writeString(reports.resolve("outcome.txt"), "full\n");
        Run r = run(currentJava(), "grade", REPO.resolve("exercises").toString(), "--exercise", "fetch", "--no-hidden",
                "--report-dir", reports.toString());
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertAll(
                () -> assertEquals(1, r.code(), r.out()),
                () -> assertEquals(0.0, report.get("score").asDouble(), "report.json is the grader's"),
                () -> assertTrue(report.has("schemaVersion"), "report.json is the grader's"),
                () -> assertFalse(Files.exists(reports.resolve("results.json")), "a results.json this run did not write is gone"),
                () -> assertFalse(Files.exists(reports.resolve("summary.md")), "a summary.md this run did not write is gone"),
                () -> assertEquals(List.of("below-full-marks", "Not full marks yet: fetch 0/15 (report: " + reports.resolve("report.json") + ")"),
                        Files.readAllLines(reports.resolve("outcome.txt"))));
    }

    @Test
    void anOlderJavaIsToldWhichJdkToUse() throws Exception {
        Optional<Path> old = olderJava();
        assumeTrue(old.isPresent(), "no JDK older than 21 on this machine");
        Run r = run(old.get().toString(), "--help");
        assertAll(
                () -> assertEquals(3, r.code(), r.out()),
                () -> assertTrue(r.out().contains("The grader needs Java 21 or newer"), r.out()));
    }

    private static Optional<Path> olderJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> {
                Path release = h.resolve("release");
                try {
                    return Files.isRegularFile(h.resolve("bin/java")) && Files.isRegularFile(release)
                            && Files.readAllLines(release).stream().anyMatch(l -> l.matches("JAVA_VERSION=\"(1\\.8|11|17)[.\"].*"));
                } catch (IOException e) {
                    return false;
                }
            }).map(h -> h.resolve("bin" + File.separator + "java")).findFirst();
        }
    }
}
