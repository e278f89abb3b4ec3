package grader.engine.calibrate;

import grader.engine.GradeRequest;
import grader.engine.Grader;
import grader.engine.Scratch;
import grader.report.GradeReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Grades labelled submissions with the real engine, one at a time, and compares each report with its labels.
 *
 * <p>A labelled submission (a fixture) is any folder under the calibrated folder that holds an {@code expected.json};
 * its {@code .java} files are laid into the stubs ({@link LayIn}) in a scratch folder, which is graded for the one
 * exercise the labels name and then deleted. Folders without {@code expected.json} are not fixtures.
 */
public final class Calibration {
    private final Grader grader;
    private final Path stubs;
    private final GradeRequest settings;

    /**
     * A labelled submission found in the calibrated folder.
     *
     * @param name     its folder relative to the calibrated folder, with '/' (e.g. {@code wrong/fetch-sequential})
     * @param folder   its folder
     * @param expected its labels
     */
    public record Fixture(String name, Path folder, Expected expected) {}

    /**
     * @param grader   the engine
     * @param stubs    the {@code exercises} folder whose stubs the fragments are laid into
     * @param settings how to grade (hidden tests, processors, budgets); its submission, exercises and work folder
     *                 are replaced for each fixture
     */
    public Calibration(Grader grader, Path stubs, GradeRequest settings) {
        this.grader = Objects.requireNonNull(grader, "grader");
        this.stubs = stubs.toAbsolutePath().normalize();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Finds every fixture under {@code folder} and reads its labels, sorted by name.
     *
     * @throws IllegalArgumentException if {@code folder} is not a folder, or holds no {@code expected.json}
     * @throws FixtureException         naming the file and the field of the first {@code expected.json} that is wrong
     */
    public static List<Fixture> find(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("calibration folder " + folder + " does not exist or is not a folder");
        }
        Path root = folder.toAbsolutePath().normalize();
        List<Path> labelled;
        try (Stream<Path> walk = Files.walk(root)) {
            labelled = walk.filter(p -> p.getFileName().toString().equals(Expected.FILE) && Files.isRegularFile(p))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("calibration folder " + folder + " holds no labelled submission (no " + Expected.FILE
                    + " in it or below it)");
        }
        List<Fixture> fixtures = new ArrayList<>();
        for (Path dir : labelled) {
            String name = root.relativize(dir).toString().replace('\\', '/');
            fixtures.add(new Fixture(name.isEmpty() ? dir.getFileName().toString() : name, dir, Expected.read(dir)));
        }
        return fixtures;
    }

    /**
     * Lays {@code fixture} into the stubs, into {@code out}, without grading it: to check a fixture before any is
     * graded, or to grade it otherwise ({@code grade-class}).
     *
     * @throws FixtureException when its fragments cannot be laid in
     */
    public static LayIn.LaidIn layIn(Fixture fixture, Path stubs, Path out) {
        return LayIn.layIn(fixture.folder(), fixture.expected().exercise(), stubs.toAbsolutePath().normalize(), out);
    }

    /**
     * Lays {@code fixture} into the stubs, grades it and compares. A fixture the grader could not grade (a grader
     * error) is an outcome with that error as its mismatch.
     *
     * @throws FixtureException when its fragments cannot be laid in
     */
    public Outcome grade(Fixture fixture) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("grader-calibrate-");
        try {
            Path submission = scratch.resolve("submission");
            LayIn.LaidIn laid = layIn(fixture, stubs, submission);
            Path work = Files.createDirectories(scratch.resolve("work"));
            GradeRequest request = new GradeRequest(submission, List.of(fixture.expected().exercise()), settings.hiddenJar(),
                    settings.activeProcessors(), settings.perTestTimeout(), settings.watchdog(), work);
            return compare(fixture, laid, grader.grade(request));
        } finally {
            Scratch.delete(scratch);
        }
    }

    /**
     * Compares the report of {@code fixture}, laid in as {@code laid} and graded otherwise (a test that grades it with
     * budgets or an isolation layer of its own), with its labels, as {@link #grade(Fixture)} does. A report with a
     * grader error, or with other than one exercise, is an outcome with that as its mismatch.
     */
    public static Outcome compare(Fixture fixture, LayIn.LaidIn laid, GradeReport report) {
        if (report.graderError() != null || report.exercises().size() != 1) {
            return new Outcome(fixture.name(), fixture.expected(), null, null,
                    List.of("not graded: " + (report.graderError() != null ? report.graderError() : report.exercises().size() + " exercise reports")));
        }
        return Outcome.compare(fixture.name(), fixture.expected(), report.exercises().get(0), laid);
    }
}
