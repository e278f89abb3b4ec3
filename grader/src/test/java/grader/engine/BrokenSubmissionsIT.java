package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.report.StageName;
import grader.report.StageStatus;
import grader.report.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A submission that cannot run still gets a complete report: the stage that failed, why, and every test listed. The
 * fixtures under {@code submissions/broken} are graded for their labels by {@link LabelledSubmissionsIT}, which runs
 * these checks of each one on the same report; the test here needs a grading of its own (two exercises).
 */
class BrokenSubmissionsIT {
    static GradeReport.Stage stage(GradeReport.ExerciseReport e, StageName name) {
        return e.stages().stream().filter(s -> s.name() == name).findFirst().orElseThrow();
    }

    static void everyTestListedAsNotRun(GradeReport.ExerciseReport e, String because) {
        assertTrue(e.tests().size() >= 3, "public, model and hidden test classes are listed: " + e.tests());
        e.tests().forEach(t -> assertAll(
                () -> assertEquals(TestStatus.NOT_RUN, t.status()),
                () -> assertTrue(t.message().contains(because), t.message())));
    }

    /** broken/fetch-compile-error: a compile error is feedback with the compiler's message and line. */
    static void theCompilersMessageAndLine(GradeReport.ExerciseReport e, String why) {
        GradeReport.Stage compile = stage(e, StageName.COMPILE);
        assertAll(
                () -> assertEquals(0.0, e.score(), why),
                () -> assertEquals(StageStatus.FAILED, compile.status()),
                () -> assertTrue(compile.message().contains("src/main/java/course/fetch/StatusFetcher.java:13"), compile.message()),
                () -> assertTrue(compile.message().contains("';' expected"), compile.message()),
                () -> assertEquals(StageStatus.SKIPPED, stage(e, StageName.STRUCTURE).status()),
                () -> assertEquals(StageStatus.SKIPPED, stage(e, StageName.TESTS).status()));
        everyTestListedAsNotRun(e, "the compile stage failed");
    }

    /** broken/fetch-wrong-signature: a wrong signature names the member expected and the one found. */
    static void theMemberExpectedAndFound(GradeReport.ExerciseReport e, String why) {
        GradeReport.Stage structure = stage(e, StageName.STRUCTURE);
        assertAll(
                () -> assertEquals(StageStatus.FAILED, structure.status()),
                () -> assertTrue(structure.message().contains(
                        "expected `public static List<Integer> fetchAll(HttpClient, List<URI>, int, Duration)`"), structure.message()),
                () -> assertTrue(structure.message().contains("found `public static List<Integer> fetchAll(HttpClient, List<URI>, int)`"),
                        structure.message()));
        everyTestListedAsNotRun(e, "the structure stage failed");
    }

    /** broken/compute-missing-class: a missing class is named with where it belongs. */
    static void theMissingClassAndWhereItBelongs(GradeReport.ExerciseReport e, String why) {
        assertTrue(stage(e, StageName.STRUCTURE).message().contains(
                        "class course.compute.FactorialSums is missing (expected in src/main/java/course/compute/FactorialSums.java)"),
                stage(e, StageName.STRUCTURE).message());
    }

    @Test
    void anExerciseWithNoSourcesIsNotSubmittedAndTheOtherIsStillGraded() throws Exception {
        GradeReport report = GradingFixture.grade(GradingFixture.layIn("broken/fetch-wrong-signature"), List.of("fetch", "compute"), true);
        GradeReport.ExerciseReport compute = report.exercises().get(1);
        assertAll(
                () -> assertEquals(2, report.exercises().size()),
                () -> assertEquals("not-submitted", compute.verdict().id()),
                () -> assertTrue(stage(compute, StageName.COMPILE).message().contains("no sources found in src/main/java/course/compute/"),
                        stage(compute, StageName.COMPILE).message()));
    }
}
