package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.engine.calibrate.Calibration;
import grader.engine.calibrate.ConfusionTable;
import grader.engine.calibrate.Expected;
import grader.engine.calibrate.Outcome;
import grader.report.GradeReport;
import grader.verdict.Severity;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every labelled submission under {@code grader/src/test/resources/submissions} (each folder with an
 * {@code expected.json}) but the hostile ones ({@link #GRADED_ELSEWHERE}), laid into the stubs and graded by the real
 * engine with the code {@code grader calibrate} runs, gets the verdict and points its labels expect. Adding a fixture is adding a folder: no Java. The confusion
 * table of all of them is printed at the end, as {@code grader calibrate} prints it.
 *
 * <p>A few fixtures also have their evidence checked here ({@link #EVIDENCE}), beyond what labels can say; the
 * report each check reads is the one graded for the labels, so no fixture is graded twice.
 */
class LabelledSubmissionsIT {
    private static final List<Outcome> OUTCOMES = Collections.synchronizedList(new ArrayList<>());

    /**
     * The fixtures under {@code hostile/}, which the hostile ITs grade (with their own budgets or isolation layers)
     * and compare with their labels as this class does; grading them here too would grade the slow ones twice.
     */
    static final String GRADED_ELSEWHERE = "hostile/";

    static Stream<Named<Calibration.Fixture>> fixtures() {
        return Calibration.find(GradingFixture.SUBMISSIONS).stream().filter(f -> !f.name().startsWith(GRADED_ELSEWHERE))
                .map(f -> Named.of(f.name(), f));
    }

    /** How the old per-exercise ITs graded: hidden tests, 6 processors, 60 s per test, 300 s per test JVM. */
    static Calibration calibration() {
        GraderHome home = GraderHome.locate();
        GradeRequest settings = new GradeRequest(GradingFixture.REPO, List.of(), home.hiddenJar(), 6, Duration.ofSeconds(60),
                Duration.ofSeconds(300), GradingFixture.REPO);
        return new Calibration(new Grader(home), GradingFixture.REPO.resolve("exercises"), settings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void gradedAsLabelled(Calibration.Fixture fixture) throws Exception {
        Outcome o = calibration().grade(fixture);
        OUTCOMES.add(o);
        assertNotNull(o.report(), () -> String.join("; ", o.mismatches()));
        GradeReport.ExerciseReport e = o.report();
        String why = GradingFixture.explain(e);
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(o.agrees(), String.join("; ", o.mismatches()) + " | " + why));
        Expected x = fixture.expected();
        if (x.modelPoints() == Expected.Share.NONE && x.model() != null) {
            // A wrong model always says so, and says what to do next.
            checks.add(() -> assertEquals(Severity.FAIL, e.verdict().severity(), why));
            checks.add(() -> assertNotNull(e.verdict().hint(), "a wrong model always comes with a hint: " + why));
        }
        Optional.ofNullable(EVIDENCE.get(fixture.name())).ifPresent(c -> checks.add(() -> c.check(e, why)));
        assertAll(checks);
    }

    @AfterAll
    static void printTheConfusionTable() {
        if (!OUTCOMES.isEmpty()) {
            new ConfusionTable(OUTCOMES).print(new PrintWriter(System.out, true));
        }
    }

    /** Checks of evidence the labels cannot state, by fixture name. */
    private static final Map<String, GradingFixture.Check> EVIDENCE = Map.ofEntries(
            Map.entry("wrong/lock-global-lock", LabelledSubmissionsIT::workersWaitedForOneLockPerUpdate),
            Map.entry("right/lock-concurrent-merge", LabelledSubmissionsIT::noWorkerWaitsForALock),
            Map.entry("right/lock-long-adder", LabelledSubmissionsIT::noWorkerWaitsForALock),
            Map.entry("right/lock-grouping-concurrent", LabelledSubmissionsIT::noWorkerWaitsForALock),
            Map.entry("right/pipeline-async-client", PipelineSubmissionsIT::assertBothStages),
            Map.entry("right/pipeline-virtual-then-parallel-stream", PipelineSubmissionsIT::assertBothStages),
            Map.entry("wrong/crawl-fixed-pool-of-cap", LabelledSubmissionsIT::warnedWithHalfTheModelPoints),
            Map.entry("wrong/processes-in-process", LabelledSubmissionsIT::refusedBeforeAnyJobRuns),
            Map.entry("broken/fetch-compile-error", BrokenSubmissionsIT::theCompilersMessageAndLine),
            Map.entry("broken/fetch-wrong-signature", BrokenSubmissionsIT::theMemberExpectedAndFound),
            Map.entry("broken/compute-missing-class", BrokenSubmissionsIT::theMissingClassAndWhereItBelongs));

    private static void workersWaitedForOneLockPerUpdate(GradeReport.ExerciseReport e, String why) {
        var evidence = e.verdict().evidence().get(0);
        assertAll(
                () -> assertEquals(evidence.counter("words"), evidence.counter("shared-lock-acquisitions"), "one lock per update: " + why),
                () -> assertTrue(evidence.counter("workers-blocked-on-lock") >= 1, "a worker waited for the lock: " + why));
    }

    private static void noWorkerWaitsForALock(GradeReport.ExerciseReport e, String why) {
        assertEquals(0L, e.verdict().evidence().get(0).counter("workers-blocked-on-lock"), "no worker waits: " + why);
    }

    private static void warnedWithHalfTheModelPoints(GradeReport.ExerciseReport e, String why) {
        assertAll(
                () -> assertEquals(Severity.WARN, e.verdict().severity(), why),
                () -> assertEquals(e.points().model().max() / 2, e.points().model().earned(), why),
                () -> assertNotNull(e.verdict().hint(), why));
    }

    /**
     * Running a job's main in the test JVM needs reflection (the class name is data), which the sandbox refuses
     * before anything runs: the job's System.exit never gets to end the grader's JVM.
     */
    private static void refusedBeforeAnyJobRuns(GradeReport.ExerciseReport e, String why) {
        assertAll(
                () -> assertEquals(0.0, e.score(), why),
                () -> assertTrue(e.tests().stream().noneMatch(t -> t.passed()), why));
    }
}
