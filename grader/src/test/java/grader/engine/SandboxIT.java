package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import grader.report.StageName;
import grader.report.StageStatus;
import grader.report.TestStatus;
import grader.verdict.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code that reaches outside its exercise is refused before any of it runs: the verdict is
 * {@code refused}, it names the rule and the learner's line, every test is listed as not run with the
 * reason, and the score is 0. Each fixture is a right solution plus one attack.
 */
class SandboxIT {
    /**
     * @param name     the fixture under submissions/hostile
     * @param rule     the start of the rule's description
     * @param file     the offending file, relative to the laid-in submission
     * @param marker   text on the offending line
     * @param inSource whether the refusal points at the source file itself (its package line) rather than at
     *                 a line of compiled code
     */
    record Attack(String name, String rule, String file, String marker, boolean inSource) {}

    static Stream<Arguments> attacks() {
        return Stream.of(
                new Attack("fetch-reflection-into-grader", "no reflection",
                        "src/main/java/course/fetch/StatusFetcher.java", "Class.forName(\"grader.probes.Recorder\")", false),
                new Attack("fetch-stack-walker-class-reference", "no reflection",
                        "src/main/java/course/fetch/StatusFetcher.java", "StackWalker.Option.RETAIN_CLASS_REFERENCE", false),
                new Attack("fetch-dynalink-call", "no reflection",
                        "src/main/java/course/fetch/StatusFetcher.java", "new jdk.dynalink.DynamicLinkerFactory()", false),
                new Attack("fetch-reads-hidden-test-class", "no reading class files or resources",
                        "src/main/java/course/fetch/StatusFetcher.java", "getResourceAsStream(\"/grader/hidden/fetch/FetchHiddenTest.class\")", false),
                new Attack("fetch-shadows-junit-assertions", "no classes in the grader's or the test tools' packages",
                        "src/main/java/org/junit/jupiter/api/Assertions.java", "package org.junit.jupiter.api;", true),
                new Attack("fetch-junit-package-in-exercise-folder", "every class in the exercise's package (course.fetch)",
                        "src/main/java/course/fetch/Assertions.java", "package org.junit.jupiter.api;", true),
                new Attack("compute-custom-class-loader", "no class loaders",
                        "src/main/java/course/compute/FactorialSums.java", "extends ClassLoader", false))
                .map(a -> Arguments.of(a.name(), a));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("attacks")
    void anAttackIsRefusedWithItsRuleAndLineAndNothingRuns(String name, Attack attack) throws Exception {
        GradingFixture.Labelled graded = HostileSubmissionsIT.grade(name, Duration.ofSeconds(60));
        Path offending = graded.laid().folder().resolve(attack.file());
        int line = lineOf(offending, attack.marker());
        String where = attack.inSource() ? attack.file() + ":" + line : "(" + offending.getFileName() + ":" + line + ")";
        GradeReport report = graded.report();
        GradeReport.ExerciseReport e = GradingFixture.only(report);
        GradeReport.Stage sandbox = stage(e, StageName.SANDBOX);
        String why = GradingFixture.explain(e);
        assertAll(
                () -> assertNull(report.graderError(), why),
                graded.asLabelled(),
                () -> assertEquals(Severity.FAIL, e.verdict().severity(), why),
                () -> assertTrue(e.verdict().summary().startsWith("Refused before running: " + attack.rule()), e.verdict().summary()),
                () -> assertTrue(e.verdict().summary().contains(where), where + " in " + e.verdict().summary()),
                () -> assertTrue(e.verdict().why().startsWith("The grader runs code it cannot trust"), e.verdict().why()),
                () -> assertTrue(e.verdict().hint() != null && !e.verdict().hint().isBlank(), why),
                () -> assertEquals(StageStatus.FAILED, sandbox.status(), why),
                () -> assertTrue(sandbox.message().startsWith(attack.rule()) && sandbox.message().contains(where), sandbox.message()),
                () -> assertEquals(sandbox.message(), sandbox.details().get(0), why),
                () -> assertEquals(StageStatus.OK, stage(e, StageName.STRUCTURE).status(), why),
                () -> assertEquals(StageStatus.SKIPPED, stage(e, StageName.STATIC).status(), why),
                () -> assertEquals(StageStatus.SKIPPED, stage(e, StageName.TESTS).status(), why),
                () -> assertEquals(0.0, e.score(), why),
                () -> assertNull(report.environment().exitCode(), "no test JVM was started"),
                () -> assertTrue(report.environment().output().isEmpty(), "no learner code ran: " + report.environment().output()));
        assertTrue(e.tests().size() >= 3, "public, model and hidden tests are listed: " + e.tests());
        e.tests().forEach(t -> assertAll(t.name(),
                () -> assertEquals(TestStatus.NOT_RUN, t.status()),
                () -> assertEquals("not run: the sandbox stage failed: " + sandbox.message(), t.message())));
    }

    @Test
    void aFileOutsideEveryExercisesFolderIsNamedAsIgnored() throws Exception {
        GradeReport.ExerciseReport e = HostileSubmissionsIT.grade("fetch-shadows-junit-assertions", Duration.ofSeconds(60)).exercise();
        GradeReport.Stage compile = stage(e, StageName.COMPILE);
        assertAll(
                () -> assertEquals(StageStatus.OK, compile.status()),
                () -> assertTrue(compile.message().endsWith("1 other file(s) ignored: not part of any exercise"), compile.message()),
                () -> assertTrue(compile.details().contains("src/main/java/org/junit/jupiter/api/Assertions.java: ignored: not part of any exercise"),
                        compile.details().toString()));
    }

    static GradeReport.Stage stage(GradeReport.ExerciseReport e, StageName name) {
        return e.stages().stream().filter(s -> s.name() == name).findFirst().orElseThrow(() -> new AssertionError("no stage " + name));
    }

    /** The 1-based number of the first line of {@code file} that contains {@code marker}. */
    static int lineOf(Path file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " not in " + file);
    }
}
