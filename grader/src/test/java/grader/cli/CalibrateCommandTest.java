package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grader calibrate}: each bad folder, file or field is a usage error naming it, before anything is graded. */
class CalibrateCommandTest {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final String STUBS = REPO.resolve("exercises").toString();
    static final String RIGHT = """
            {"exercise": "compute", "model": "fixed-pool", "flaws": [], "modelPoints": "full"}
            """;
    static final String FRAGMENT = """
            class FactorialSums {
                public static List<BigInteger> computeAll(List<Integer> ns) {
                    return ns.stream().map(FactorialSums::sumOfFactorials).toList();
                }
            }
            """;

    @TempDir
    Path tmp;

    Path fixture(String name, String expected, String fragment) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("labelled").resolve(name));
        Files.writeString(dir.resolve("expected.json"), expected);
        Files.writeString(dir.resolve("FactorialSums.java"), fragment);
        return dir;
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = CliRun.run("calibrate", "--help");
        assertAll(
                () -> assertEquals(0, r.code()),
                () -> assertTrue(r.out().contains("confusion table"), r.out()),
                () -> assertTrue(r.out().contains("1   one or more did not"), r.out()),
                () -> assertTrue(r.out().contains("--lay-in-only"), r.out()));
    }

    @Test
    void aMissingFolderIsAUsageErrorNamingIt() {
        CliRun r = CliRun.run("calibrate", tmp.resolve("nowhere").toString(), "--exercises-dir", STUBS);
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("calibration folder " + tmp.resolve("nowhere") + " does not exist"), r.err()));
    }

    @Test
    void aFolderWithoutLabelsIsAUsageError() throws IOException {
        Files.createDirectories(tmp.resolve("empty/some-submission/src"));
        CliRun r = CliRun.run("calibrate", tmp.resolve("empty").toString(), "--exercises-dir", STUBS);
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("holds no labelled submission (no expected.json in it or below it)"), r.err()));
    }

    @Test
    void aBadExpectedJsonIsAUsageErrorNamingTheFileAndTheField() throws IOException {
        Path dir = fixture("wrong/compute-x", RIGHT.replace("\"full\"", "\"most\""), FRAGMENT);
        CliRun r = CliRun.run("calibrate", tmp.resolve("labelled").toString(), "--exercises-dir", STUBS);
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("error: " + dir.resolve("expected.json") + ": field \"modelPoints\": \"most\" is not one of"
                        + " full, partial, none"), r.err()));
    }

    @Test
    void aFragmentThatCannotBeLaidInIsAUsageErrorBeforeAnythingIsGraded() throws IOException {
        Path dir = fixture("right/compute-x", RIGHT, FRAGMENT.replace("List<Integer> ns", "List<Integer> values"));
        CliRun r = CliRun.run("calibrate", tmp.resolve("labelled").toString(), "--exercises-dir", STUBS);
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("error: " + dir.resolve("FactorialSums.java") + ": line 2: `List<BigInteger>"
                        + " computeAll(List<Integer> values)` is not the stub's `List<BigInteger> computeAll(List<Integer> ns)`"), r.err()));
    }

    @Test
    void anExercisesFolderWithoutStubsIsAUsageError() throws IOException {
        fixture("right/compute-x", RIGHT, FRAGMENT);
        CliRun r = CliRun.run("calibrate", tmp.resolve("labelled").toString(), "--exercises-dir", tmp.toString());
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), r.code()),
                () -> assertTrue(r.err().contains("--exercises-dir " + tmp + " holds no src/main/java with the stubs"), r.err()));
    }

    @Test
    void layInOnlyWritesEachSubmissionAndGradesNothing() throws IOException {
        fixture("right/compute-x", RIGHT, FRAGMENT);
        Path out = tmp.resolve("laid");
        CliRun r = CliRun.run("calibrate", tmp.resolve("labelled").toString(), "--exercises-dir", STUBS, "--lay-in-only", out.toString());
        Path laid = out.resolve("right-compute-x/src/main/java/course/compute/FactorialSums.java");
        assertAll(
                () -> assertEquals(0, r.code(), r.err()),
                () -> assertTrue(r.out().contains("laid 1 labelled submissions into the stubs"), r.out()),
                () -> assertTrue(Files.readString(laid).contains("return ns.stream().map(FactorialSums::sumOfFactorials).toList();")),
                () -> assertTrue(Files.readString(laid).contains("public static BigInteger sumOfFactorials(int n)"), "the given kernel"));
    }
}
