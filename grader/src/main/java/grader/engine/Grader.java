package grader.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.checks.EvidenceReport;
import grader.launch.CpuTrace;
import grader.launch.Isolation;
import grader.launch.SourceCompiler;
import grader.launch.StartupCache;
import grader.launch.TestJvm;
import grader.probes.AgentFlags;
import grader.report.GradeReport;
import grader.report.GradeReport.ExerciseReport;
import grader.report.GradeReport.Part;
import grader.report.GradeReport.Stage;
import grader.report.GradeReport.TestResult;
import grader.report.Scores;
import grader.report.StageName;
import grader.report.StageStatus;
import grader.report.TestStatus;
import grader.values.Containment;
import grader.values.Evidence;
import grader.values.ExitRequest;
import grader.values.Limits;
import grader.verdict.EarlyVerdicts;
import grader.verdict.ExerciseSpec;
import grader.verdict.ModelRules;
import grader.verdict.ModelVerdict;
import grader.verdict.Observation;
import grader.verdict.StructureCheck;
import grader.verdict.TestKind;
import grader.verdict.statics.CompiledClasses;
import grader.verdict.statics.SandboxRules;
import grader.verdict.statics.SandboxSources;
import grader.verdict.statics.SandboxViolation;
import grader.verdict.statics.StaticFinding;
import grader.verdict.statics.StaticRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Grades one submission: compile, structure, sandbox and static rules per exercise, then one test JVM for
 * every exercise that got that far, then verdicts and points. A failed stage says why the later ones
 * were skipped; nothing the submission does stops the report from being complete.
 */
public final class Grader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Heap, stack and GC for the test JVM: bounded, and light on a 2-core machine. */
    private static final List<String> TEST_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final GraderHome home;
    private final StartupCache startupCache;
    private final Isolation isolation;

    /** A grader whose test JVMs use the start-up cache in the temporary folder (see {@link StartupCache}). */
    public Grader(GraderHome home) {
        this(home, StartupCache.inTempFolder());
    }

    /** @param useStartupCache whether test JVMs use the start-up cache (made the first time), or start without it */
    public Grader(GraderHome home, boolean useStartupCache) {
        this(home, useStartupCache ? StartupCache.inTempFolder() : StartupCache.off());
    }

    Grader(GraderHome home, StartupCache startupCache) {
        this(home, startupCache, Isolation.AUTO);
    }

    private Grader(GraderHome home, StartupCache startupCache, Isolation isolation) {
        this.home = home;
        this.startupCache = startupCache;
        this.isolation = isolation;
    }

    /** The {@code --isolation} values: auto (the default), namespaces, jvm. */
    public static final List<String> ISOLATION_MODES = Stream.of(Isolation.values()).map(Isolation::id).toList();

    /**
     * {@return this grader with the test JVM contained as {@code mode} asks: auto, namespaces or jvm}
     *
     * @throws IllegalArgumentException for another value, naming it and the known ones
     */
    public Grader isolated(String mode) {
        return new Grader(home, startupCache, Isolation.parse(mode));
    }

    /**
     * {@return the layer that will contain this grader's test JVMs (namespaces or jvm), as its gradings resolve it}
     *
     * @throws IOException when the layer asked for can't be had on this machine
     */
    public String isolationLayer() throws IOException {
        try {
            return isolation.resolve().layer();
        } catch (Isolation.Unavailable e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * {@return null when {@code mode} is known and can be had on this machine, else why not (the option and the value
     * named)} Namespaces are tried once per process: a sandbox is started.
     */
    public static String isolationProblem(String mode) {
        try {
            Isolation.parse(mode).resolve();
            return null;
        } catch (IllegalArgumentException | Isolation.Unavailable e) {
            return e.getMessage();
        }
    }

    /**
     * Makes (or checks) the test JVM's start-up cache for these jars on this JDK now, as the first grading would.
     *
     * @return whether it is ready, and its folder or why not
     */
    public static CacheStatus makeStartupCache(GraderHome home) {
        StartupCache cache = StartupCache.inTempFolder();
        if (!cache.enabled()) {
            return new CacheStatus(false, "the temporary folder's grader-cache-" + System.getProperty("user.name")
                    + " cannot be used (not a folder, not yours, or writable by others)");
        }
        return cache.ready(home.agentJar(), home.graderJar())
                .map(r -> new CacheStatus(true, r.dir().toString()))
                .orElseGet(() -> new CacheStatus(false, cache.whyNot(home.agentJar(), home.graderJar())));
    }

    /**
     * @param ready whether the start-up cache is ready
     * @param text its folder, or why it is not ready
     */
    public record CacheStatus(boolean ready, String text) {}

    /** Prepared state of one exercise before the test JVM runs. */
    private record Prepared(ExerciseSpec spec, List<Stage> stages, Path classes, List<String> classNames,
                            List<StaticFinding> statics, boolean runnable, ModelVerdict earlyVerdict) {}

    public GradeReport grade(GradeRequest request) throws IOException, InterruptedException {
        // Made (once per JDK and grader build) while the submission compiles; waited for before any return, so no
        // training JVM outlives the grading.
        CompletableFuture<Optional<StartupCache.Ready>> startup = !startupCache.enabled()
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> startupCache.ready(home.agentJar(), home.graderJar()),
                        task -> Thread.ofPlatform().name("grader-startup-cache").daemon().start(task));
        try {
            return grade(request, startup);
        } finally {
            startup.exceptionally(e -> Optional.empty()).join();
        }
    }

    private GradeReport grade(GradeRequest request, CompletableFuture<Optional<StartupCache.Ready>> startup)
            throws IOException, InterruptedException {
        String gradedAt = Instant.now().toString();
        long cpu0 = CpuTrace.threadCpu();
        long wall0 = System.nanoTime();
        List<Prepared> prepared = new ArrayList<>();
        for (String id : request.exercises()) {
            prepared.add(prepare(ExerciseSpec.load(id), request));
        }

        List<Prepared> runnable = prepared.stream().filter(Prepared::runnable).toList();
        Limits asked = Limits.mostGenerous(prepared.stream().map(p -> p.spec().limits()).toList());
        if (request.perTestTimeout() == null) {
            request = request.withPerTestTimeout(Duration.ofSeconds(asked.perTestSeconds()));
        }
        Limits limits = new Limits((int) request.perTestTimeout().toSeconds(), asked.heapMegabytes(), asked.threads(),
                asked.processes(), asked.outputKilobytes(), asked.network());
        TestJvm.Result run = null;
        Containment containment = null;
        if (!runnable.isEmpty()) {
            Optional<StartupCache.Ready> cache = startup.exceptionally(e -> Optional.empty()).join();
            try {
                containment = isolation.resolve();
            } catch (Isolation.Unavailable e) {
                throw new IOException(e.getMessage(), e);
            }
            run = TestJvm.run(testJvmRequest(request, runnable, limits, cache, containment));
        }

        String graderError = null;
        if (run != null && run.agentProblem() != null) {
            graderError = "the grader's agent failed its self-test, so no verdict can be trusted: " + run.agentProblem();
        } else if (run != null && run.failure() != null && run.runs().isEmpty()) {
            graderError = "the test JVM could not be run: " + run.failure() + tail(run.output());
        }

        List<ExerciseReport> exercises = new ArrayList<>();
        for (Prepared p : prepared) {
            exercises.add(report(p, run, graderError, request));
        }
        double score = round(exercises.stream().mapToDouble(ExerciseReport::score).sum());
        double max = round(exercises.stream().mapToDouble(ExerciseReport::maxScore).sum());
        GradeReport.Environment env = new GradeReport.Environment(
                run == null ? Runtime.version().toString() : run.jdk(),
                run == null ? request.activeProcessors() : run.cpus(),
                request.hiddenJar().isPresent(), request.perTestTimeout().toSeconds(), request.watchdog().toSeconds(),
                run == null ? null : run.exitCode(), run != null && run.timedOut(),
                run == null ? List.of() : run.exits(), run == null ? "" : run.output(), run != null && run.outputCut(), limits,
                containment);
        if (CpuTrace.on()) {
            CpuTrace.write(new CpuTrace.Line(request.workDir().toString(), request.submission().toString(), "grading", null, null,
                    (CpuTrace.threadCpu() - cpu0) / 1e6, null, (System.nanoTime() - wall0) / 1e6));
        }
        return new GradeReport(GradeReport.SCHEMA_VERSION, version(), request.submission().toString(), gradedAt, env,
                exercises, score, max, graderError);
    }

    private Prepared prepare(ExerciseSpec spec, GradeRequest request) throws IOException {
        List<Stage> stages = new ArrayList<>();
        long cpu0 = CpuTrace.threadCpu();
        long wall0 = System.nanoTime();
        Path sources = request.submission().resolve("src/main/java").resolve(spec.packageName().replace('.', '/'));
        Path classes = request.workDir().resolve("classes").resolve(spec.id());
        // Files outside every exercise's folder are never compiled; the compile stage names them.
        SandboxSources.Result layout = SandboxSources.scan(request.submission(), spec.packageName(),
                ExerciseSpec.KNOWN.stream().map(id -> ExerciseSpec.load(id).packageName()).toList());
        List<String> ignored = layout.ignored();
        String ignoredNote = ignored.isEmpty() ? "" : "; " + ignored.size() + " other file(s) ignored: not part of any exercise";
        SourceCompiler.Outcome compiled = SourceCompiler.compile(request.submission(), sources, classes);
        CpuTrace.phase(request.workDir(), "compile", spec.id(), cpu0, wall0);
        long cpu1 = CpuTrace.threadCpu();
        long wall1 = System.nanoTime();
        if (compiled.sources().isEmpty()) {
            String where = request.submission().relativize(sources) + "/";
            stages.add(new Stage(StageName.COMPILE, StageStatus.FAILED, "no sources found in " + where + ignoredNote, ignored));
            skipRest(stages, StageName.COMPILE);
            return new Prepared(spec, stages, classes, List.of(), List.of(), false, EarlyVerdicts.notSubmitted(spec, where));
        }
        if (!compiled.compiled()) {
            stages.add(new Stage(StageName.COMPILE, StageStatus.FAILED, compiled.errors().size() + " compile error"
                    + (compiled.errors().size() == 1 ? "" : "s") + "; first: " + compiled.errors().get(0),
                    Stream.concat(compiled.errors().stream(), ignored.stream()).toList()));
            skipRest(stages, StageName.COMPILE);
            return new Prepared(spec, stages, classes, List.of(), List.of(), false, EarlyVerdicts.compileError(compiled.errors().get(0)));
        }
        stages.add(new Stage(StageName.COMPILE, StageStatus.OK, compiled.sources().size() + " source file(s) compiled" + ignoredNote,
                Stream.concat(compiled.sources().stream(), ignored.stream()).toList()));
        List<String> problems = StructureCheck.check(spec, classes);
        if (!problems.isEmpty()) {
            stages.add(new Stage(StageName.STRUCTURE, StageStatus.FAILED, problems.get(0), problems));
            skipRest(stages, StageName.STRUCTURE);
            return new Prepared(spec, stages, classes, compiled.classes(), List.of(), false, EarlyVerdicts.structureMismatch(problems.get(0)));
        }
        stages.add(new Stage(StageName.STRUCTURE, StageStatus.OK, "all required members present", List.of()));

        // sandbox: code that reaches outside the exercise is refused before any of it runs.
        List<SandboxViolation> refused = new ArrayList<>(layout.violations());
        CompiledClasses read = CompiledClasses.read(classes);
        refused.addAll(SandboxRules.check(read, spec.packageName(), spec.tests().all(true)));
        if (!refused.isEmpty()) {
            SandboxViolation first = refused.get(0);
            stages.add(new Stage(StageName.SANDBOX, StageStatus.FAILED, first.message(), refused.stream().map(SandboxViolation::message).toList()));
            skipRest(stages, StageName.SANDBOX);
            return new Prepared(spec, stages, classes, compiled.classes(), List.of(), false, EarlyVerdicts.refused(first.message(),
                    refused.size() - 1, first.because(), first.hint(), first.site()));
        }
        stages.add(new Stage(StageName.SANDBOX, StageStatus.OK, "nothing reaches outside the exercise", List.of()));

        List<StaticFinding> statics = StaticRules.check(read, spec.staticRules());
        CpuTrace.phase(request.workDir(), "checks", spec.id(), cpu1, wall1);
        long failedRules = statics.stream().filter(f -> !f.passed()).count();
        stages.add(new Stage(StageName.STATIC, StageStatus.OK, statics.size() - failedRules + " of " + statics.size() + " static rules hold",
                statics.stream().filter(f -> !f.passed()).flatMap(f -> f.violations().stream()).toList()));
        return new Prepared(spec, stages, classes, compiled.classes(), statics, true, null);
    }

    private static void skipRest(List<Stage> stages, StageName failed) {
        for (StageName s : List.of(StageName.STRUCTURE, StageName.SANDBOX, StageName.STATIC, StageName.TESTS)) {
            if (stages.stream().noneMatch(x -> x.name() == s)) {
                stages.add(new Stage(s, StageStatus.SKIPPED, "skipped because the " + failed + " stage failed", List.of()));
            }
        }
    }

    private TestJvm.Request testJvmRequest(GradeRequest request, List<Prepared> runnable, Limits limits,
            Optional<StartupCache.Ready> startup, Containment containment) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(home.graderJar());
        request.hiddenJar().ifPresent(classPath::add);
        Set<String> learner = new LinkedHashSet<>();
        List<String> kernels = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        List<String> lockPackages = new ArrayList<>();
        for (Prepared p : runnable) {
            if (p.spec().sharedState()) {
                lockPackages.add(p.spec().packageName());
            }
            classPath.add(p.classes());
            learner.addAll(p.classNames());
            kernels.addAll(p.spec().kernels());
            tests.addAll(p.spec().tests().all(request.hiddenJar().isPresent()));
        }
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + limits.heapMegabytes() + "m");
        flags.addAll(TEST_JVM_FLAGS);
        flags.addAll(AgentFlags.JVM_FLAGS);
        return new TestJvm.Request(home.agentJar(), kernels, classPath, learner, tests, request.activeProcessors(),
                flags, request.perTestTimeout(), request.watchdog(), request.workDir().resolve("test-jvm"),
                limits.outputKilobytes() * 1024, limits, lockPackages, startup, containment, masked(request));
    }

    /**
     * What a sandboxed test JVM must not see: the grader's working folders (this grading's, the current folder) and
     * the submission's siblings (in a class grading, the other learners' folders). The submission itself is masked
     * too: the JVM gets its compiled classes, never its sources.
     */
    private static List<Path> masked(GradeRequest request) {
        List<Path> masked = new ArrayList<>(List.of(request.workDir(), Path.of(System.getProperty("user.dir")),
                request.submission()));
        Path parent = request.submission().toAbsolutePath().normalize().getParent();
        if (parent != null) {
            masked.add(parent);
        }
        return masked;
    }

    private ExerciseReport report(Prepared p, TestJvm.Result run, String graderError, GradeRequest request) {
        ExerciseSpec spec = p.spec();
        List<Stage> stages = new ArrayList<>(p.stages());
        List<TestResult> tests = new ArrayList<>();
        List<Observation> evidence = new ArrayList<>();
        List<Observation.Unreturned> unreturned = new ArrayList<>();
        if (p.runnable() && run != null) {
            String notRunReason = notRunReason(run, request);
            for (TestJvm.TestRun r : run.runs()) {
                TestKind kind = spec.tests().kindOf(r.test().className());
                if (kind == null) {
                    continue;
                }
                TestStatus status = switch (r.status()) {
                    case "SUCCESSFUL" -> TestStatus.PASSED;
                    case "FAILED", "STUCK", "DIED" -> TestStatus.FAILED;
                    case "ABORTED" -> TestStatus.ABORTED;
                    case "SKIPPED" -> TestStatus.SKIPPED;
                    default -> TestStatus.NOT_RUN;
                };
                String message = switch (r.status()) {
                    case "NOT_RUN" -> notRunReason;
                    case "STUCK" -> stuck(r, request);
                    case "DIED" -> died(run, r);
                    default -> r.message();
                };
                // Why a test ran out of time (a deadlock, or where it was), as the test JVM saw it then.
                if (status != TestStatus.PASSED) {
                    for (String diagnosis : r.entries().getOrDefault("grader.diagnosis", List.of())) {
                        message = message == null ? diagnosis : message + "\n" + diagnosis;
                    }
                }
                TestResult t = result(spec, r.test().id(), r.test().name(), kind, r.test().className(), r.test().method(),
                        status, message, r.trace());
                List<String> took = r.entries().getOrDefault(grader.launch.fork.ForkEvent.DURATION_KEY, List.of());
                Long millis = grader.report.TraceSites.millis(took);
                tests.add(new TestResult(t.id(), t.name(), t.kind(), t.className(), t.method(), t.status(), t.visibility(),
                        t.message(), t.trace(), millis, status == TestStatus.PASSED ? null
                        : grader.report.TraceSites.learnerSite(r.trace(), Set.copyOf(p.classNames()))));
                boolean timedOut = r.ranOutOfTime();
                List<String> reported = r.entries().getOrDefault(EvidenceReport.KEY, List.of());
                if (kind == TestKind.MODEL && timedOut && reported.isEmpty()) {
                    unreturned.add(new Observation.Unreturned(r.test().name(), tests.get(tests.size() - 1).site()));
                }
                for (String json : reported) {
                    try {
                        evidence.add(new Observation(JSON.readValue(json, Evidence.class),
                                timedOut ? Observation.Ending.TIMED_OUT : Observation.Ending.BY_ITSELF));
                    } catch (JsonProcessingException e) {
                        stages.add(new Stage(StageName.EVIDENCE, StageStatus.FAILED, "unreadable evidence from " + r.test().name() + ": " + e.getOriginalMessage(), List.of()));
                    }
                }
            }
            // Every test the spec names is listed, even one the test JVM never got to discover.
            Set<String> seen = new LinkedHashSet<>();
            tests.forEach(t -> seen.add(t.className()));
            for (String cls : spec.tests().all(request.hiddenJar().isPresent())) {
                if (!seen.contains(cls)) {
                    tests.add(result(spec, cls, cls, spec.tests().kindOf(cls), cls, null, TestStatus.NOT_RUN,
                            graderError != null ? graderError : run.failure() != null ? run.failure()
                                    : "the test class was not found or had no tests", null));
                }
            }
            long passed = tests.stream().filter(TestResult::passed).count();
            long notRun = tests.stream().filter(t -> t.status() == TestStatus.NOT_RUN).count();
            stages.add(new Stage(StageName.TESTS, notRun == tests.size() ? StageStatus.FAILED : StageStatus.OK,
                    passed + " of " + tests.size() + " tests passed" + (notRun > 0 ? ", " + notRun + " did not run: " + notRunReason : ""),
                    List.of()));
        }

        if (!p.runnable()) {
            // Nothing ran, but every test the exercise registers is still listed, with the reason.
            Stage failed = stages.stream().filter(st -> st.status() == StageStatus.FAILED).findFirst().orElseThrow();
            for (String cls : spec.tests().all(request.hiddenJar().isPresent())) {
                tests.add(result(spec, cls, cls, spec.tests().kindOf(cls), cls, null, TestStatus.NOT_RUN,
                        "not run: the " + failed.name() + " stage failed: " + failed.message(), null));
            }
        }

        ModelVerdict verdict;
        if (graderError != null && p.runnable()) {
            verdict = EarlyVerdicts.graderError(graderError);
        } else if (p.earlyVerdict() != null) {
            verdict = p.earlyVerdict();
        } else {
            verdict = ModelRules.judgeObserved(spec, evidence, unreturned);
        }

        List<TestResult> functional = tests.stream().filter(t -> t.kind() != TestKind.MODEL).toList();
        long passed = functional.stream().filter(TestResult::passed).count();
        double fShare = functional.isEmpty() ? 0 : (double) passed / functional.size();
        Part fPart = new Part(round(spec.points().functional() * fShare), spec.points().functional(),
                passed + " of " + functional.size() + " tests passed");
        Part mPart = new Part(round(spec.points().model() * verdict.share()), spec.points().model(),
                verdict.id() + " (" + verdict.severity() + ")");
        long rulesOk = p.statics().stream().filter(StaticFinding::passed).count();
        boolean works = passed > 0 && graderError == null;
        double sShare = p.statics().isEmpty() || !works ? 0 : (double) rulesOk / p.statics().size();
        Part sPart = new Part(round(spec.points().statics() * sShare), spec.points().statics(),
                works ? rulesOk + " of " + p.statics().size() + " static rules hold" : "earned only once a test passes");
        double score = round(fPart.earned() + mPart.earned() + sPart.earned());
        String formula = String.format(Locale.ROOT, "functional %s x %d/%d tests + model %s x %s (%s) + static %s x %s = %s of %s",
                Scores.format(spec.points().functional()), passed, functional.size(), Scores.format(spec.points().model()), Scores.format(verdict.share()),
                verdict.id(), Scores.format(spec.points().statics()), works ? rulesOk + "/" + p.statics().size() : "0", Scores.format(score),
                Scores.format(spec.points().total()));
        return new ExerciseReport(spec.id(), spec.title(), score, spec.points().total(),
                new GradeReport.Points(fPart, mPart, sPart), formula, stages, verdict, p.statics(), tests);
    }

    /** A test result with its visibility; a hidden test's output is cut here, once, for every exporter. */
    private static TestResult result(ExerciseSpec spec, String id, String name, TestKind kind, String cls, String method,
                                     TestStatus status, String message, String trace) {
        ExerciseSpec.Visibility v = spec.visibility();
        if (kind == TestKind.HIDDEN && status != TestStatus.NOT_RUN) {
            switch (v.hiddenOutput()) {
                case "message" -> trace = null;
                case "none" -> {
                    trace = null;
                    message = null;
                }
                default -> { }
            }
        }
        return new TestResult(id, name, kind, cls, method, status, v.of(kind), message, trace);
    }

    /** A test that ignored the interrupt: the budget it ran past (as the test JVM said), or the ceiling and grace. */
    private static String stuck(TestJvm.TestRun r, GradeRequest request) {
        List<String> budget = r.entries().getOrDefault(TestJvm.TIMEOUT_KEY, List.of());
        String past = budget.isEmpty()
                ? "still running " + request.perTestTimeout().plus(TestJvm.GRACE).toSeconds() + " s after it started, past its limit of "
                        + request.perTestTimeout().toSeconds() + " s"
                : "ran past " + budget.get(0);
        // How the test JVM saw it ignore the interrupt (a deadlock, back in its wait), else the usual hint.
        List<String> deaf = r.entries().getOrDefault(TestJvm.DEAF_KEY, List.of());
        return "timed out: " + past + ", and it did not stop when interrupted; the grader stopped its test JVM and ran the"
                + " remaining tests in a new one (" + (deaf.isEmpty() ? "look for a loop that never ends or a wait that never returns"
                : deaf.get(0)) + ")";
    }

    private static String died(TestJvm.Result run, TestJvm.TestRun r) {
        String exit = run.exits().stream().filter(x -> r.test().id().equals(x.testId())).findFirst()
                .map(x -> ": learner code called " + ("halt".equals(x.how()) ? "Runtime.halt(" : "System.exit(") + x.status() + ")"
                        + (x.site() == null ? "" : " at " + x.site()))
                .orElse(r.message() == null ? "" : " (" + r.message() + ")");
        return "the test JVM died while this test ran" + exit + "; the remaining tests ran in a new one";
    }

    static String notRunReason(TestJvm.Result run, GradeRequest request) {
        if (run.timedOut()) {
            return "the test JVM ran past its " + request.watchdog().toSeconds() + " s budget and was stopped";
        }
        if (!run.exits().isEmpty()) {
            ExitRequest x = run.exits().get(0);
            return "the test JVM ended early: learner code called " + ("halt".equals(x.how()) ? "Runtime.halt(" : "System.exit(")
                    + x.status() + ")" + (x.site() == null ? "" : " at " + x.site());
        }
        if (!run.completed()) {
            return "the test JVM ended early (exit code " + run.exitCode() + ")" + tail(run.output());
        }
        return run.failure() != null ? run.failure() : "not run";
    }

    private static String tail(String output) {
        if (output == null || output.isBlank()) {
            return "";
        }
        String t = output.strip();
        return "; its last output: " + (t.length() > 600 ? "..." + t.substring(t.length() - 600) : t);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }


    static String version() {
        String v = Grader.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
