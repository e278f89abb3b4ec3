package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A submission that cannot run still gets a complete report: the stage that failed, why, and every test listed. */
class BrokenSubmissionsIT {
    static final Path BROKEN = GradingFixture.SUBMISSIONS.resolve("broken");

    static GradeReport.Stage stage(GradeReport.ExerciseReport e, String name) {
        return e.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static void everyTestListedAsNotRun(GradeReport.ExerciseReport e, String because) {
        assertTrue(e.tests().size() >= 3, "public, model and hidden test classes are listed: " + e.tests());
        e.tests().forEach(t -> assertAll(
                () -> assertEquals("not-run", t.status()),
                () -> assertTrue(t.message().contains(because), t.message())));
    }

    @Test
    void aCompileErrorIsFeedbackWithTheCompilersMessageAndLine() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(BROKEN.resolve("fetch-compile-error"), List.of("fetch"), true));
        GradeReport.Stage compile = stage(e, "compile");
        assertAll(
                () -> assertEquals("compile-error", e.verdict().id()),
                () -> assertEquals(0.0, e.score()),
                () -> assertEquals("failed", compile.status()),
                () -> assertTrue(compile.message().contains("src/main/java/course/fetch/StatusFetcher.java:13"), compile.message()),
                () -> assertTrue(compile.message().contains("';' expected"), compile.message()),
                () -> assertEquals("skipped", stage(e, "structure").status()),
                () -> assertEquals("skipped", stage(e, "tests").status()));
        everyTestListedAsNotRun(e, "the compile stage failed");
    }

    @Test
    void aWrongSignatureNamesTheMemberExpectedAndFound() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(BROKEN.resolve("fetch-wrong-signature"), List.of("fetch"), true));
        GradeReport.Stage structure = stage(e, "structure");
        assertAll(
                () -> assertEquals("structure-mismatch", e.verdict().id()),
                () -> assertEquals("failed", structure.status()),
                () -> assertTrue(structure.message().contains(
                        "expected `public static List<Integer> fetchAll(HttpClient, List<URI>, int, Duration)`"), structure.message()),
                () -> assertTrue(structure.message().contains("found `public static List<Integer> fetchAll(HttpClient, List<URI>, int)`"),
                        structure.message()));
        everyTestListedAsNotRun(e, "the structure stage failed");
    }

    @Test
    void aMissingClassIsNamedWithWhereItBelongs() throws Exception {
        GradeReport.ExerciseReport e = GradingFixture.only(GradingFixture.grade(BROKEN.resolve("compute-missing-class"), List.of("compute"), true));
        assertAll(
                () -> assertEquals("structure-mismatch", e.verdict().id()),
                () -> assertTrue(stage(e, "structure").message().contains(
                        "class course.compute.FactorialSums is missing (expected in src/main/java/course/compute/FactorialSums.java)"),
                        stage(e, "structure").message()));
    }

    @Test
    void anExerciseWithNoSourcesIsNotSubmittedAndTheOtherIsStillGraded() throws Exception {
        GradeReport report = GradingFixture.grade(BROKEN.resolve("fetch-wrong-signature"), List.of("fetch", "compute"), true);
        GradeReport.ExerciseReport compute = report.exercises().get(1);
        assertAll(
                () -> assertEquals(2, report.exercises().size()),
                () -> assertEquals("not-submitted", compute.verdict().id()),
                () -> assertTrue(stage(compute, "compile").message().contains("no sources found in src/main/java/course/compute/"),
                        stage(compute, "compile").message()));
    }
}
