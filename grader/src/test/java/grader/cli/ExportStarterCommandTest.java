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
    void theOutputFolderIsRequired() {
        CliRun r = run("export-starter", "--repo", REPO.toString());
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code(), r.err()),
                () -> assertTrue(r.err().contains("--out"), r.err()));
    }
}
