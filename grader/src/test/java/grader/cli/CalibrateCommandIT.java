package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader calibrate} end to end, with the real engine: a right fixture as labelled and a copy of it labelled as
 * something else, graded one after the other; the table shows both and the command exits with 1. (Every fixture of
 * the repository is graded by {@code LabelledSubmissionsIT} with the same code; grading them all twice would double
 * the suite's time.)
 */
class CalibrateCommandIT {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final Path FIXTURE = REPO.resolve("grader/src/test/resources/submissions/right/compute-fixed-pool");

    @TempDir
    Path tmp;

    @Test
    void aMislabelledSubmissionIsListedAndExitsWithOne() throws IOException {
        Path labelled = tmp.resolve("labelled");
        copy(FIXTURE, labelled.resolve("right/compute-fixed-pool"));
        Path mislabelled = copy(FIXTURE, labelled.resolve("wrong/compute-says-sequential"));
        Files.writeString(mislabelled.resolve("expected.json"),
                "{\"exercise\": \"compute\", \"model\": \"sequential\", \"flaws\": [], \"modelPoints\": \"none\"}\n");
        // --isolation is honoured as by grade (the default, auto, would take namespaces where bubblewrap works).
        CliRun r = CliRun.run("calibrate", labelled.toString(), "--exercises-dir", REPO.resolve("exercises").toString(),
                "--isolation", "jvm");
        assertAll(
                () -> assertEquals(ExitCode.BELOW_FULL_MARKS.code(), r.code(), r.out() + r.err()),
                () -> assertTrue(r.out().contains("calibrating on 2 labelled submissions from "), r.out()),
                () -> assertTrue(r.out().contains(" (isolation: jvm)\n"), r.out()),
                () -> assertTrue(r.out().contains("compute: 2 labelled, 1 as expected\n"), r.out()),
                () -> assertTrue(r.out().contains("  fixed-pool (full)   1\n  sequential (none)   1\n  got: 1 fixed-pool (full)\n"), r.out()),
                () -> assertTrue(r.out().contains("  wrong/compute-says-sequential (compute): verdict: expected sequential, got fixed-pool;"
                        + " modelPoints: expected none, got full\n"), r.out()),
                () -> assertTrue(r.out().endsWith("2 labelled submissions: 1 as expected, 1 not\n"), r.out()));
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
