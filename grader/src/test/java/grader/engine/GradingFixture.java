package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.engine.calibrate.Calibration;
import grader.engine.calibrate.LayIn;
import grader.engine.calibrate.Outcome;
import grader.report.GradeReport;
import grader.verdict.TestKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/**
 * Grades folders with the real engine and the jars `mvn package` built (grader.home = grader/target), and holds the
 * assertions every exercise's IT makes of the reference solution and the stub; lays a labelled fixture into the stubs.
 */
final class GradingFixture {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final Path SUBMISSIONS = REPO.resolve("grader/src/test/resources/submissions");

    /**
     * An exercise-specific assertion that a helper runs in the same {@code assertAll} as its common ones, so that a
     * failure of one still reports the others.
     */
    @FunctionalInterface
    interface Check {
        /**
         * Asserts something about one exercise's report.
         *
         * @param e   the exercise's report
         * @param why {@link #explain(GradeReport.ExerciseReport)} of it, for assertion messages
         */
        void check(GradeReport.ExerciseReport e, String why) throws Throwable;
    }

    private GradingFixture() {}

    static GradeReport grade(Path submission, List<String> exercises, boolean hidden) throws IOException, InterruptedException {
        GraderHome home = GraderHome.locate();
        Path work = Files.createTempDirectory("grader-it-");
        GradeRequest request = new GradeRequest(submission, exercises, hidden ? home.hiddenJar() : java.util.Optional.empty(),
                6, Duration.ofSeconds(60), Duration.ofSeconds(300), work);
        return new Grader(home).grade(request);
    }

    static GradeReport.ExerciseReport only(GradeReport report) {
        if (report.exercises().size() != 1) {
            throw new AssertionError("expected one exercise in the report, got " + report.exercises().size());
        }
        return report.exercises().get(0);
    }

    /** The verdict line and its evidence, for assertion messages. */
    static String explain(GradeReport.ExerciseReport e) {
        return e.id() + " " + e.score() + "/" + e.maxScore() + " verdict=" + e.verdict().id() + ": " + e.verdict().summary()
                + " | stages=" + e.stages() + " | failing tests=" + e.tests().stream().filter(t -> !t.passed())
                .map(t -> t.name() + ": " + t.message()).toList();
    }

    /**
     * Lays the labelled fixture {@code submissions/<name>} (e.g. {@code wrong/fetch-sequential}) into the stubs, in a
     * new temporary folder, as {@code grader calibrate} does.
     *
     * @return the submission folder
     */
    static Path layIn(String name) throws IOException {
        Calibration.Fixture fixture = Calibration.find(SUBMISSIONS.resolve(name)).get(0);
        return LayIn.layIn(fixture.folder(), fixture.expected().exercise(), REPO.resolve("exercises"),
                Files.createTempDirectory("grader-fixture-").resolve("submission")).folder();
    }

    /**
     * A labelled fixture laid into the stubs and graded by a test of its own, with the comparison of its report with
     * its {@code expected.json} made as {@code grader calibrate} makes it.
     *
     * @param report  the whole report
     * @param laid    the laid-in submission (to find a line of the graded code)
     * @param outcome the labels against the report
     */
    record Labelled(GradeReport report, LayIn.LaidIn laid, Outcome outcome) {
        /** {@return the one exercise's report} */
        GradeReport.ExerciseReport exercise() {
            return only(report);
        }

        /** {@return an assertion that the report says what the fixture's expected.json says, for an assertAll} */
        Executable asLabelled() {
            return () -> assertTrue(outcome.agrees(), outcome.name() + ": " + String.join("; ", outcome.mismatches())
                    + (report.exercises().size() == 1 ? " | " + explain(exercise()) : ""));
        }
    }

    /**
     * Lays {@code submissions/<name>} (e.g. {@code hostile/fetch-exit-on-one-worker}) into the stubs and grades it
     * with {@code grader} for the exercise its labels name, with hidden tests and 6 processors, and compares the
     * report with its labels. For the fixtures a test grades itself, with its own budgets or isolation layer, and
     * asserts more of than labels can say (the hostile ones).
     *
     * @param perTest  the tests' ceiling, or null for the spec's
     * @param watchdog the whole test run's
     */
    static Labelled gradeLabelled(String name, Grader grader, Duration perTest, Duration watchdog) throws IOException, InterruptedException {
        Calibration.Fixture fixture = Calibration.find(SUBMISSIONS.resolve(name)).get(0);
        fixture = new Calibration.Fixture(name, fixture.folder(), fixture.expected());
        LayIn.LaidIn laid = Calibration.layIn(fixture, REPO.resolve("exercises"),
                Files.createTempDirectory("grader-fixture-").resolve("submission"));
        GradeRequest request = new GradeRequest(laid.folder(), List.of(fixture.expected().exercise()), GraderHome.locate().hiddenJar(),
                6, perTest, watchdog, Files.createTempDirectory("grader-it-"));
        GradeReport report = grader.grade(request);
        return new Labelled(report, laid, Calibration.compare(fixture, laid, report));
    }

    /**
     * Grades the reference solution (folder {@code solutions}) for one exercise with hidden tests, and asserts what
     * {@link #assertReferenceSolutions(List, List, Check...)} does.
     *
     * @return the exercise's report
     */
    static GradeReport.ExerciseReport assertReferenceSolution(String exercise, String verdict, Check... more)
            throws IOException, InterruptedException {
        return only(assertReferenceSolutions(List.of(exercise), List.of(verdict), more));
    }

    /**
     * Grades the reference solutions (folder {@code solutions}) for {@code exercises} in one run with hidden tests,
     * and asserts that there is no grader error and full marks in total; that each exercise, in order, gets its
     * verdict from {@code verdicts} with full marks and ran hidden tests; and {@code more} for each exercise.
     *
     * @return the whole report
     */
    static GradeReport assertReferenceSolutions(List<String> exercises, List<String> verdicts, Check... more)
            throws IOException, InterruptedException {
        if (exercises.size() != verdicts.size()) {
            throw new IllegalArgumentException("one verdict per exercise expected, got " + verdicts + " for " + exercises);
        }
        GradeReport report = grade(REPO.resolve("solutions"), exercises, true);
        assertEquals(exercises, report.exercises().stream().map(GradeReport.ExerciseReport::id).toList(),
                "one report per exercise, in the order asked: " + report.graderError());
        String whyAll = explainAll(report);
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertNull(report.graderError()));
        for (int i = 0; i < exercises.size(); i++) {
            GradeReport.ExerciseReport e = report.exercises().get(i);
            String verdict = verdicts.get(i);
            String why = explain(e);
            checks.addAll(with(e, why, more,
                    () -> assertEquals(verdict, e.verdict().id(), why),
                    () -> assertEquals(e.maxScore(), e.score(), why),
                    () -> assertTrue(e.tests().stream().anyMatch(t -> t.kind() == TestKind.HIDDEN), "hidden tests ran: " + why)));
        }
        checks.add(() -> assertEquals(report.maxScore(), report.score(), whyAll));
        checks.add(() -> assertTrue(report.fullMarks(), whyAll));
        assertAll(checks);
        return report;
    }

    /**
     * Grades the stub (folder {@code exercises}) for one exercise with hidden tests, and asserts what
     * {@link #assertStubsNotImplemented(String...)} does.
     *
     * @return the exercise's report
     */
    static GradeReport.ExerciseReport assertStubNotImplemented(String exercise) throws IOException, InterruptedException {
        return only(assertStubsNotImplemented(exercise));
    }

    /**
     * Grades the stubs (folder {@code exercises}) for {@code exercises} in one run with hidden tests, and asserts that
     * there is no grader error and a total of zero; that each exercise scores zero as "not-implemented", says "Not
     * implemented yet", lists every registered test (more than five), none of them passed, each with a reason.
     *
     * @return the whole report
     */
    static GradeReport assertStubsNotImplemented(String... exercises) throws IOException, InterruptedException {
        GradeReport report = grade(REPO.resolve("exercises"), List.of(exercises), true);
        assertEquals(List.of(exercises), report.exercises().stream().map(GradeReport.ExerciseReport::id).toList(),
                "one report per exercise, in the order asked: " + report.graderError());
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertNull(report.graderError()));
        checks.add(() -> assertEquals(0.0, report.score(), explainAll(report)));
        for (GradeReport.ExerciseReport e : report.exercises()) {
            String why = explain(e);
            checks.addAll(List.<Executable>of(
                    () -> assertEquals(0.0, e.score(), why),
                    () -> assertEquals("not-implemented", e.verdict().id(), why),
                    () -> assertTrue(e.verdict().summary().contains("Not implemented yet"), why),
                    () -> assertTrue(e.tests().size() > 5, "every registered test is listed: " + why),
                    () -> assertTrue(e.tests().stream().noneMatch(t -> t.passed()), why),
                    () -> assertTrue(e.tests().stream().allMatch(t -> t.message() != null), "each test has a reason: " + why)));
        }
        assertAll(checks);
        return report;
    }

    /** {@link #explain(GradeReport.ExerciseReport)} of every exercise, one a line. */
    private static String explainAll(GradeReport report) {
        return report.exercises().stream().map(GradingFixture::explain).collect(Collectors.joining("\n"));
    }

    /** The common assertions followed by the caller's, as executables for one {@code assertAll}. */
    private static List<Executable> with(GradeReport.ExerciseReport e, String why, Check[] more, Executable... common) {
        List<Executable> all = new ArrayList<>(Arrays.asList(common));
        for (Check check : more) {
            all.add(() -> check.check(e, why));
        }
        return all;
    }
}
