package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract with pipelines: usage errors exit 2 with the reason and the usage. */
class CommandLineTest {
    /** The known exercises as the command line lists them. */
    static final String KNOWN = String.join(", ", grader.verdict.ExerciseSpec.KNOWN);

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun r = run("--help");
        assertAll(() -> assertEquals(0, r.code()),
                () -> assertTrue(r.out().contains("grade"), r.out()),
                () -> assertTrue(r.out().contains("Exit codes:"), r.out()),
                () -> assertTrue(r.out().contains("3   the grader itself failed"), r.out()));
    }

    @Test
    void gradeHelpDocumentsItsOptions() {
        CliRun r = run("grade", "--help");
        assertAll(() -> assertEquals(0, r.code()),
                () -> assertTrue(r.out().contains("--report-dir"), r.out()),
                () -> assertTrue(r.out().contains("--exercise"), r.out()),
                // picocli wraps the description at the terminal's width
                () -> assertTrue(r.out().replaceAll("\\s+", " ").contains(KNOWN), r.out()));
    }

    @Test
    void aMissingFolderIsAUsageErrorNamingTheFolder(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.resolve("nowhere").toString());
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("nowhere does not exist"), r.err()),
                () -> assertTrue(r.err().contains("Usage:"), r.err()));
    }

    @Test
    void anUnknownExerciseIsAUsageErrorListingTheKnownOnes(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), "--exercise", "crawl2");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("unknown exercise 'crawl2'; known: "
                        + String.join(", ", grader.verdict.ExerciseSpec.KNOWN)), r.err()));
    }

    @Test
    void anUnknownOptionIsAUsageError(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), "--fast");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("--fast"), r.err()));
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = run();
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("a command is required"), r.err()));
    }

    @Test
    void tooFewProcessorsIsRefusedBecauseTheyHideMistakes(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), "--active-processors", "2");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("4 or more"), r.err()));
    }
}
