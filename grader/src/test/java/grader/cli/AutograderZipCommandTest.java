package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autograder-zip}'s usage; the zip it builds from real jars is checked in GradescopeAutograderIT. */
class AutograderZipCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theCommandIsListedAndDocumentsWhatGoesIntoTheZip() {
        Run top = run("--help");
        Run help = run("autograder-zip", "--help");
        assertAll(
                () -> assertTrue(top.out().contains("autograder-zip"), top.out()),
                () -> assertEquals(0, help.code()),
                () -> assertTrue(help.out().contains("setup.sh, run_autograder, grader.jar"), help.out()),
                () -> assertTrue(help.out().contains("--out"), help.out()),
                () -> assertTrue(help.out().contains("--no-hidden"), help.out()));
    }

    @Test
    void withoutOutItIsAUsageError() {
        Run r = run("autograder-zip");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("--out"), r.err()));
    }

    @Test
    void anOutThatIsAFileIsAUsageError(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Run r = run("autograder-zip", "--out", file.toString());
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("is a file, not a folder"), r.err()));
    }

    @Test
    void anUnknownExerciseIsAUsageError(@TempDir Path tmp) {
        Run r = run("autograder-zip", "--out", tmp.toString(), "--exercise", "crawl");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("unknown exercise 'crawl'; known: fetch, compute"), r.err()));
    }
}
