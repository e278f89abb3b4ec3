package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grader.report.GradeReport;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files, in both layers (--isolation namespaces and jvm): the learner's code may use its temporary folder (a right
 * processes solution that sends each child's output to a temporary file earns full marks), and any other file it asks
 * for is refused at run time, named in the test's result with the learner's line; the rest of the report is complete.
 */
class FileContainmentIT {

    @ParameterizedTest(name = "--isolation {0}")
    @ValueSource(strings = {"namespaces", "jvm"})
    void readingTheHiddenTestsJarIsRefusedAndNamedAndCostsOnlyThatTest(String isolation) throws Exception {
        HostileSubmissionsIT.onlyTheAttackedTestsFail(ContainmentIT.grade("compute-reads-hidden-tests-on-empty-input", isolation),
                m -> m.contains("file access refused by the grader: learner code may not read ") && m.contains("hidden.jar")
                        && m.contains("(at course.compute.FactorialSums.computeAll(FactorialSums.java:"));
    }

    @ParameterizedTest(name = "--isolation {0}")
    @ValueSource(strings = {"namespaces", "jvm"})
    void writingIntoTheGradingsWorkFolderIsRefusedAndNamedAndCostsOnlyThatTest(String isolation) throws Exception {
        HostileSubmissionsIT.onlyTheAttackedTestsFail(ContainmentIT.grade("compute-writes-outside-on-empty-input", isolation),
                m -> m.contains("file access refused by the grader: learner code may not write ")
                        && m.contains("/forged-results.json (at course.compute.FactorialSums.computeAll(FactorialSums.java:")
                        && m.contains("it may read and write files only in its temporary folder "));
    }

    @ParameterizedTest(name = "--isolation {0}")
    @ValueSource(strings = {"namespaces", "jvm"})
    void childOutputSentToTemporaryFilesEarnsFullMarks(String isolation) throws Exception {
        if ("namespaces".equals(isolation)) {
            // As ContainmentIT: skipped where bubblewrap can't start a sandbox, failed then on CI.
            String whyNot = Grader.isolationProblem("namespaces");
            if (whyNot != null && System.getenv(ContainmentIT.REQUIRED) != null) {
                fail(ContainmentIT.REQUIRED + " is set, and " + whyNot);
            }
            Assumptions.assumeTrue(whyNot == null, whyNot);
        }
        GraderHome home = GraderHome.locate();
        GradeRequest request = new GradeRequest(GradingFixture.layIn("right/processes-temp-file-output"), List.of("processes"),
                home.hiddenJar(), 6, null, Duration.ofSeconds(300), Files.createTempDirectory("grader-files-"));
        GradeReport report = new Grader(home).isolated(isolation).grade(request);
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError(), why),
                () -> assertEquals(isolation, report.environment().isolation().layer(), why),
                () -> assertEquals("processes", e.verdict().id(), why),
                () -> assertEquals(e.maxScore(), e.score(), why),
                () -> assertTrue(e.tests().stream().allMatch(GradeReport.TestResult::passed), why));
    }
}
