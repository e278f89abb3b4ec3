package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autograder-zip}'s usage; the zip it builds from real jars is checked in GradescopeAutograderIT. */
class AutograderZipCommandTest {
    /** The known exercises as the command line lists them. */
    static final String KNOWN = String.join(", ", grader.verdict.ExerciseSpec.KNOWN);

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void theCommandIsListedAndDocumentsWhatGoesIntoTheZip() {
        CliRun top = run("--help");
        CliRun help = run("autograder-zip", "--help");
        assertAll(
                () -> assertTrue(top.out().contains("autograder-zip"), top.out()),
                () -> assertEquals(0, help.code()),
                () -> assertTrue(help.out().contains("setup.sh, run_autograder, grader.jar"), help.out()),
                () -> assertTrue(help.out().contains("--out"), help.out()),
                () -> assertTrue(help.out().contains("--no-hidden"), help.out()));
    }

    @Test
    void withoutOutItIsAUsageError() {
        CliRun r = run("autograder-zip");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("--out"), r.err()));
    }

    @Test
    void anOutThatIsAFileIsAUsageError(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CliRun r = run("autograder-zip", "--out", file.toString());
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("is a file, not a folder"), r.err()));
    }

    @Test
    void anUnknownExerciseIsAUsageError(@TempDir Path tmp) {
        CliRun r = run("autograder-zip", "--out", tmp.toString(), "--exercise", "no-such-exercise");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("--exercise no-such-exercise: no such exercise; known: "
                        + String.join(", ", grader.verdict.ExerciseSpec.KNOWN)), r.err()));
    }
}
