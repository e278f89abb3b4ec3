package grader.report;

import grader.values.Evidence;
import grader.values.Site;
import grader.verdict.ModelVerdict;
import grader.verdict.Severity;
import grader.verdict.TestKind;
import grader.verdict.statics.StaticFinding;
import java.util.List;

/** Hand-built reports in the shapes the engine writes, for exporters' unit tests. */
final class SampleReports {
    /** Characters each format must escape or drop: markup, quotes, a pipe, a NUL, a lone surrogate, an emoji. */
    static final String NASTY = "expected <1> & got \"2\" | *bold* _x_ `code` [link](y) \u0000\u0007 \ud800 🧵";

    private SampleReports() {}

    static final Site SITE = new Site("course.fetch.StatusFetcher", "fetchAll", "StatusFetcher.java", 44);
    /** The learner's line where the failing public test {@code rejectsNull} failed. */
    static final Site TEST_SITE = new Site("course.fetch.StatusFetcher", "fetch", "StatusFetcher.java", 23);
    /** How long {@code rejectsNull} took: a test whose method sleeps 300 ms. */
    static final long SLEEPER_MILLIS = 312;

    /** The test with a duration and a learner's line. */
    static GradeReport.TestResult timed(GradeReport.TestResult t, long millis, Site site) {
        return new GradeReport.TestResult(t.id(), t.name(), t.kind(), t.className(), t.method(), t.status(), t.visibility(), t.message(),
                t.trace(), millis, site);
    }

    static GradeReport.Environment environment() {
        return new GradeReport.Environment("25.0.3+9-LTS", 6, true, 60, 600, 0, false, List.of(), "", false,
                grader.values.Limits.DEFAULT);
    }

    /** {@return the constant whose report name is {@code id}} */
    static <E extends Enum<E>> E named(Class<E> type, String id) {
        return java.util.Arrays.stream(type.getEnumConstants()).filter(c -> c.toString().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " named " + id));
    }

    static TestKind kind(String id) {
        return named(TestKind.class, id);
    }

    static TestStatus status(String id) {
        return named(TestStatus.class, id);
    }

    static GradeReport.Stage stage(String name, String status, String message, List<String> details) {
        return new GradeReport.Stage(named(StageName.class, name), named(StageStatus.class, status), message, details);
    }

    static GradeReport.TestResult test(String kind, String method, String status, String visibility, String message) {
        String cls = switch (kind) {
            case "public" -> "course.fetch.StatusFetcherTest";
            case "model" -> "grader.checks.fetch.FetchModelCheck";
            default -> "grader.hidden.fetch.FetchHiddenTest";
        };
        return new GradeReport.TestResult("[engine:junit-jupiter]/[class:" + cls + "]/[method:" + method + "()]", method + "()",
                kind(kind), cls, method, status(status), visibility, message, message == null ? null : "java.lang.AssertionError: " + message
                + "\n\tat " + cls + "." + method + "(X.java:1)");
    }

    static List<GradeReport.Stage> okStages() {
        return List.of(stage("compile", "ok", "1 source file(s) compiled", List.of("src/main/java/course/fetch/StatusFetcher.java")),
                stage("structure", "ok", "all required members present", List.of()),
                stage("static", "ok", "4 of 4 static rules hold", List.of()),
                stage("tests", "ok", "all passed", List.of()));
    }

    static StaticFinding rule(boolean passed) {
        return new StaticFinding("no-cached-thread-pool", "no Executors.newCachedThreadPool",
                "a cached pool has no upper bound", passed,
                passed ? List.of() : List.of("course.fetch.StatusFetcher.fetchAll() calls Executors.newCachedThreadPool() in (StatusFetcher.java:30)"));
    }

    /**
     * A verdict as schema 1 named it (one id): the model when the id names one, else a flaw with no model. Reports in
     * tests are built here; in main code only the rule book builds verdicts.
     */
    static ModelVerdict verdict(String id, String severity, double share, String summary, String why, String hint, Site site,
                                List<Evidence> evidence) {
        grader.verdict.VerdictId v = grader.verdict.VerdictId.of(id).orElse(grader.verdict.VerdictId.UNKNOWN);
        Severity s = named(Severity.class, severity);
        return v.isModel()
                ? new ModelVerdict(v, List.of(), s, share, summary, why, hint, site, evidence)
                : new ModelVerdict(null, List.of(new ModelVerdict.Flaw(v, summary, null, site)), s, share, summary, why, hint,
                        site, evidence);
    }

    static GradeReport.ExerciseReport full(String id) {
        ModelVerdict v = SampleReports.verdict("fixed-pool", "info", 1, "Your 12 requests ran on a pool of 3 threads.",
                "Right for I/O-bound work.", null, SITE, List.of());
        return new GradeReport.ExerciseReport(id, "The " + id + " exercise", 15, 15,
                new GradeReport.Points(new GradeReport.Part(6, 6, "3 of 3 tests passed"), new GradeReport.Part(8, 8, "fixed-pool (info)"),
                        new GradeReport.Part(1, 1, "1 of 1 static rules hold")),
                "functional 6 x 3/3 tests + model 8 x 1 (fixed-pool) + static 1 x 1/1 = 15 of 15", okStages(), v, List.of(rule(true)),
                List.of(test("public", "returnsStatuses", "passed", "visible", null),
                        test("model", "threeWorkers", "passed", "visible", null),
                        test("hidden", "worksWithMoreWorkers", "passed", "after_due_date", null),
                        test("hidden", "nobodySeesThis", "passed", "hidden", null)));
    }

    /** fetch: 10.32 of 15 (5.57 + 4 + 0.75), with a failing public, a failing hidden, an aborted and a skipped test. */
    static GradeReport.ExerciseReport partial() {
        ModelVerdict v = SampleReports.verdict("virtual-threads", "warn", 0.5, "Your 12 requests ran on 12 virtual threads, " + NASTY,
                "Works, but the exercise asks for a bounded pool.", "Use Executors.newFixedThreadPool(maxWorkers).", SITE, List.of());
        return new GradeReport.ExerciseReport("fetch", "Fetch URLs", 10.32, 15,
                new GradeReport.Points(new GradeReport.Part(5.57, 6, "13 of 14 tests passed"), new GradeReport.Part(4, 8, "virtual-threads (warn)"),
                        new GradeReport.Part(0.75, 1, "3 of 4 static rules hold")),
                "functional 6 x 13/14 tests + model 8 x 0.5 (virtual-threads) + static 1 x 3/4 = 10.32 of 15", okStages(), v,
                List.of(rule(false)),
                List.of(test("public", "returnsStatuses", "passed", "visible", null),
                        timed(test("public", "rejectsNull", "failed", "visible", NASTY), SLEEPER_MILLIS, TEST_SITE),
                        test("public", "abortedOne", "aborted", "visible", "assumption failed"),
                        test("public", "skippedOne", "skipped", "visible", null),
                        test("model", "threeWorkers", "failed", "visible", "overlap was 12"),
                        timed(test("hidden", "secretCase", "failed", "after_due_date", "hidden message: expected -1"), 7,
                                new Site("course.fetch.StatusFetcher", "fetch", "StatusFetcher.java", 31))));
    }

    /** compute: 0 of 15, the compile stage failed, nothing ran. */
    static GradeReport.ExerciseReport compileError() {
        String error = "src/main/java/course/compute/FactorialSums.java:13: ';' expected";
        ModelVerdict v = SampleReports.verdict("compile-error", "fail", 0, "Your code does not compile: " + error,
                "The grader can only run code that compiles.", "Fix the first error, then run the grader again.", null, List.of());
        String notRun = "not run: the compile stage failed: 1 compile error; first: " + error;
        return new GradeReport.ExerciseReport("compute", "Sum factorials", 0, 15,
                new GradeReport.Points(new GradeReport.Part(0, 6, "0 of 2 tests passed"), new GradeReport.Part(0, 8, "compile-error (fail)"),
                        new GradeReport.Part(0, 1, "earned only once a test passes")),
                "functional 6 x 0/2 tests + model 8 x 0 (compile-error) + static 1 x 0 = 0 of 15",
                List.of(stage("compile", "failed", "1 compile error; first: " + error, List.of(error)),
                        stage("structure", "skipped", "skipped because the compile stage failed", List.of()),
                        stage("static", "skipped", "skipped because the compile stage failed", List.of()),
                        stage("tests", "skipped", "skipped because the compile stage failed", List.of())),
                v, List.of(),
                List.of(new GradeReport.TestResult("course.compute.FactorialSumsTest", "course.compute.FactorialSumsTest", kind("public"),
                                "course.compute.FactorialSumsTest", null, status("not-run"), "visible", notRun, null),
                        new GradeReport.TestResult("grader.checks.compute.ComputeModelCheck", "grader.checks.compute.ComputeModelCheck", kind("model"),
                                "grader.checks.compute.ComputeModelCheck", null, status("not-run"), "visible", notRun, null),
                        new GradeReport.TestResult("grader.hidden.compute.ComputeHiddenTest", "grader.hidden.compute.ComputeHiddenTest", kind("hidden"),
                                "grader.hidden.compute.ComputeHiddenTest", null, status("not-run"), "after_due_date", notRun, null)));
    }

    static GradeReport report(double score, double max, String graderError, GradeReport.ExerciseReport... exercises) {
        return new GradeReport(GradeReport.SCHEMA_VERSION, "0.1.0-test", "/tmp/submission", "2026-01-01T10:00:00Z", environment(),
                List.of(exercises), score, max, graderError);
    }

    static GradeReport fullMarks() {
        return report(30, 30, null, full("fetch"), full("compute"));
    }

    static GradeReport belowFullMarks() {
        return report(10.32, 30, null, partial(), compileError());
    }

    /** The grader itself failed: the test JVM never ran, every test is not-run and the verdict says so. */
    static GradeReport graderError() {
        String why = "the test JVM could not be run: no java";
        ModelVerdict v = SampleReports.verdict("grader-error", "fail", 0, why, "This is the grader's fault, not yours.",
                "Tell your course staff; the report has the details.", null, List.of());
        GradeReport.ExerciseReport e = new GradeReport.ExerciseReport("fetch", "Fetch URLs", 0, 15,
                new GradeReport.Points(new GradeReport.Part(0, 6, "0 of 2 tests passed"), new GradeReport.Part(0, 8, "grader-error (fail)"),
                        new GradeReport.Part(0, 1, "earned only once a test passes")),
                "functional 6 x 0/2 tests + model 8 x 0 (grader-error) + static 1 x 0 = 0 of 15", okStages(), v, List.of(rule(true)),
                List.of(new GradeReport.TestResult("course.fetch.StatusFetcherTest", "course.fetch.StatusFetcherTest", kind("public"),
                                "course.fetch.StatusFetcherTest", null, status("not-run"), "visible", why, null),
                        new GradeReport.TestResult("grader.checks.fetch.FetchModelCheck", "grader.checks.fetch.FetchModelCheck", kind("model"),
                                "grader.checks.fetch.FetchModelCheck", null, status("not-run"), "visible", why, null)));
        return report(0, 15, why, e);
    }
}
