package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
                () -> assertTrue(r.err().contains("<submission-dir> " + tmp.resolve("nowhere") + ": no such folder"), r.err()),
                () -> assertTrue(r.err().contains("Usage:"), r.err()));
    }

    @Test
    void anUnknownExerciseIsAUsageErrorListingTheKnownOnes(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), "--exercise", "crawl2");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("--exercise crawl2: no such exercise; known: "
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
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()), () -> assertTrue(r.err().contains("--active-processors 2: must be 4 or more"), r.err()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--test-timeout, -5, must be 1 second or more",
        "--test-timeout, 0, must be 1 second or more",
        "--test-timeout, 7200, must be 3600 seconds or less",
        "--timeout, -1, must be 1 second or more",
        "--format, pdf, no such format",
        "--exercise, 'fetch,nope', no such exercise"})
    void aBadValueIsAUsageErrorNamingTheOptionAndTheValue(String option, String value, String reason, @TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), option, value);
        String bad = option.equals("--exercise") ? "nope" : value;
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code(), r.err()),
                () -> assertTrue(r.err().startsWith("error: " + option + " " + bad + ": " + reason), r.err()));
    }

    @Test
    void aValueThatIsNotANumberNamesTheOptionAndTheValue(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), "--test-timeout", "soon");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("--test-timeout") && r.err().contains("soon"), r.err()));
    }

    @Test
    void aFolderWithoutExerciseSourcesIsAUsageErrorThatPointsAtTheOneThatHasThem(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("exercises/src/main/java/course/fetch"));
        Files.writeString(repo.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java"), "package course.fetch; class StatusFetcher {}");
        CliRun r = run("grade", repo.toString());
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code(), r.out()),
                () -> assertTrue(r.err().startsWith("error: <submission-dir> " + repo + ": no exercise sources in it (no src/main/java/course/<exercise>/*.java); did you mean "
                        + repo.resolve("exercises") + "/?"), r.err()),
                () -> assertEquals("", r.out(), "nothing is graded"));
    }

    @Test
    void anEmptyFolderIsAUsageErrorWithTheGeneralHint(@TempDir Path tmp) {
        CliRun r = run("grade", tmp.toString(), "--exercise", "fetch");
        assertAll(() -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains(": no exercise sources in it (no src/main/java/course/fetch/*.java); did you mean exercises/?"), r.err()));
    }

    @Test
    void anEmptyExerciseOptionMeansEveryExercise() {
        GradingOptions options = new GradingOptions();
        options.exercises = new java.util.ArrayList<>(List.of(""));
        assertEquals(grader.verdict.ExerciseSpec.KNOWN, options.exerciseIds());
    }

    @Test
    void aReportUnderTheCurrentFolderIsShownRelativeAndClean() {
        Path here = Path.of("").toAbsolutePath();
        assertAll(
                () -> assertEquals(Path.of("x/target/grader/report.json"),
                        Submissions.shown(here.resolve("y/../x/target/grader/report.json"))),
                () -> assertEquals(Path.of("/elsewhere/report.json"), Submissions.shown(Path.of("/elsewhere/../elsewhere/report.json"))));
    }
}
