package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-starter}'s refusals are usage errors (exit 2) that say what to do, before any jar is looked for. */
class ExportStarterCommandTest {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void theCommandIsListedInTheHelp() {
        CliRun r = run("--help");
        assertTrue(r.out().contains("export-starter"), r.out());
    }

    @Test
    void aFolderThatIsNotEmptyIsAUsageErrorAndIsLeftAlone(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliRun r = run("export-starter", "--repo", REPO.toString(), "--out", tmp.toString());
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code(), r.err()),
                () -> assertTrue(r.err().contains(tmp + " exists and is not empty"), r.err()),
                () -> assertTrue(r.err().contains("Usage: grader export-starter"), r.err()),
                () -> assertEquals("mine", Files.readString(tmp.resolve("notes.txt"))),
                () -> assertFalse(Files.exists(tmp.resolve("pom.xml")), "nothing written"));
    }

    @Test
    void aFolderWithoutExercisesIsAUsageError(@TempDir Path tmp) {
        CliRun r = run("export-starter", "--repo", tmp.toString(), "--out", tmp.resolve("starter").toString());
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code(), r.err()),
                () -> assertTrue(r.err().contains("has no exercises/pom.xml"), r.err()));
    }

    @Test
    void aWorkingCopyWithAnImplementationIsRefusedNamingTheFileAndTheRepoOption(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("exercises/src/main/java/course/fetch"));
        Files.copy(REPO.resolve("exercises/pom.xml"), repo.resolve("exercises/pom.xml"));
        Files.writeString(repo.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java"),
                "package course.fetch;\npublic final class StatusFetcher { /* a learner's implementation */ }\n");
        CliRun r = run("export-starter", "--repo", repo.toString(), "--out", tmp.resolve("starter").toString());
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code(), r.err()),
                () -> assertTrue(r.err().startsWith("error: --repo " + repo
                        + ": exercises/src/main/java/course/fetch/StatusFetcher.java is not the stub as shipped"), r.err()),
                () -> assertFalse(Files.exists(tmp.resolve("starter")), "nothing written"));
    }

    @Test
    void aRefusedOutputFolderNamesTheOutOption(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliRun r = run("export-starter", "--repo", REPO.toString(), "--out", tmp.toString());
        assertTrue(r.err().startsWith("error: --out " + tmp + ": "), r.err());
    }

    @Test
    void theOutputFolderIsRequired() {
        CliRun r = run("export-starter", "--repo", REPO.toString());
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code(), r.err()),
                () -> assertTrue(r.err().contains("--out"), r.err()));
    }
}
