package grader.verdict;

import grader.values.Evidence;
import grader.values.Site;
import grader.values.ThreadKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns evidence into a model verdict, through the rule book's concerns in order: a pipeline's stages
 * ({@link StageRules}), then the model (this class's {@link #MODEL}), then the model's use ({@link UseRules}: its pool,
 * isolation, size, bounds and cleanup), then how the call ended ({@link #ENDING}). Each rule names the verdict id it
 * gives, when it applies (counts, overlaps, thread kinds and sizes only: never a duration), why, a hint, and the
 * sentence that states its evidence. With several observations, the first one that is not expected decides.
 */
public final class ModelRules {
    private ModelRules() {}

    static final Words NOT_IMPLEMENTED_BECAUSE = Words.of("The method is still the stub.");
    static final Words NOT_IMPLEMENTED_HINT = Words.of("Replace the `throw new UnsupportedOperationException(\"TODO\")` with your implementation.");
    static final Words UNKNOWN_BECAUSE = Words.of("The grader could not tell which concurrency model ran the work.");
    static final Words PROCESSES_PRAISE = Words.of("Right for isolation: each job ran in a child JVM of its own, within the"
            + " limit you were given, and none was left alive.");

    /** The model rules, in order; the first that applies names what ran (or the flaw that says more than the model). */
    static final List<Rule<Evidence>> MODEL_RULES = List.of(
            Rule.flaw(VerdictId.NOT_IMPLEMENTED, "the method still throws the stub's `UnsupportedOperationException`",
                    NOT_IMPLEMENTED_BECAUSE, NOT_IMPLEMENTED_HINT,
                    (e, s) -> e.thrown() != null && e.thrown().startsWith("java.lang.UnsupportedOperationException"),
                    (e, s) -> "Not implemented yet: the method still throws " + e.thrown() + ".",
                    e -> null),
            Rule.flaw(VerdictId.IN_PROCESS, "a job reported the test JVM's own pid: it ran inside the grader's JVM (processes)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (e, s) -> e.childProcesses().jobsInProcess() > 0,
                    (e, s) -> e.childProcesses().jobsInProcess() + " of your " + count(e.tasks(), e.callLabel())
                            + " ran inside the JVM that called your method (the job reported the caller's own pid), and "
                            + count(e.processes().size(), "child process", "child processes") + " were started.",
                    Evidence::callSite),
            Rule.model(VerdictId.PROCESSES, "a child process was started during the call",
                    PROCESSES_PRAISE,
                    (e, s) -> !e.processes().isEmpty(),
                    (e, s) -> "Your code started " + count(e.processes().size(), "child process", "child processes")
                            + " for " + count(e.tasks(), e.callLabel()) + " (first: "
                            + shortCommand(e.processes().get(0).command()) + ").",
                    e -> e.processes().get(0).site()),
            Rule.flaw(VerdictId.NOT_JOINED, "threads started with the `Thread` API still running when the method returned (threads)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    // Before no-calls and serialized: when the method returns at once, how many of its threads have
                    // made their call yet is scheduling; how many calls had not ended is exact.
                    (e, s) -> e.threadApi().threadApiStarts() > 0 && e.threadApi().callsUnfinishedAtReturn() > 0,
                    (e, s) -> "Your method returned while " + e.threadApi().callsUnfinishedAtReturn() + " of its "
                            + count(e.tasks(), e.callLabel()) + " had not finished, on threads you started ("
                            + (e.leakedThreads().isEmpty() ? count((int) e.threadApi().threadApiStarts(), "thread") + " started"
                                    : count(e.leakedThreads().size(), "thread") + " still running: "
                                    + String.join(", ", e.leakedThreads().subList(0, Math.min(3, e.leakedThreads().size())))
                                    + (e.leakedThreads().size() > 3 ? ", ..." : ""))
                            + "): " + (e.threadApi().callerJoined() > 0 ? "some were never joined." : "none was joined.")
                            + " Their results were missing.",
                    e -> e.startSite() != null ? e.startSite() : e.callSite()),
            Rule.flaw(VerdictId.NO_CALLS, "no request through the given client / no call of the kernel",
                    Words.NO_CALLS, Words.MAKE_CALLS,
                    (e, s) -> e.calls() == 0,
                    (e, s) -> (e.thrown() != null ? "The method threw " + e.thrown() + " before" : "We saw no")
                            + " " + plural(e.callLabel()) + (e.thrown() != null ? " were made." : " through "
                            + (s.workload() == Workload.IO ? "the HttpClient you were given." : "the given kernel."))
                            + " The grader can only judge work it sees.",
                    e -> null),
            Rule.flaw(VerdictId.GLOBAL_LOCK, "the workers took one shared lock for (nearly) every update; the hold shows another worker BLOCKED or WAITING on it (lock)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (e, s) -> e.sharedState().lines() > 0 && e.sharedState().sharedLockAcquisitions() > 0
                            && e.sharedState().sharedLockAcquisitions() * 2 >= e.sharedState().lines(),
                    (e, s) -> "Your " + count((int) e.sharedState().sharedLockWorkers(), "worker") + " took one lock "
                            + e.sharedState().sharedLockAcquisitions() + " times for " + count((int) e.sharedState().lines(), "line")
                            + " (" + count((int) e.sharedState().words(), "word") + "): every update waited for it." + lockWaits(e),
                    e -> lockWait(e).map(Evidence.ThreadWait::site).orElse(e.callSite())),
            Rule.flaw(VerdictId.SYNCHRONIZED_MAP, "the updates went through one `Collections.synchronizedMap` (or a `Hashtable`) (lock)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (e, s) -> e.sharedState().lines() > 0 && e.sharedState().synchronizedMapUpdates() > 0
                            && e.sharedState().synchronizedMapUpdates() * 2 >= e.sharedState().lines(),
                    (e, s) -> "Your workers made " + e.sharedState().synchronizedMapUpdates() + " updates through one"
                            + " synchronized map (Collections.synchronizedMap) for " + count((int) e.sharedState().words(), "word")
                            + ": each update takes the map's one lock, so the updates take turns." + lockWaits(e),
                    e -> lockWait(e).map(Evidence.ThreadWait::site).orElse(e.callSite())),
            Rule.flaw(VerdictId.UNSAFE_SHARED_MAP, "several threads updated one `HashMap` (or another non-thread-safe map) without a lock (lock)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (e, s) -> e.sharedState().unsafeMapWriters() >= 2 && e.sharedState().words() > 0
                            && e.sharedState().unsafeMapForeignUpdates() * 10 >= e.sharedState().words(),
                    (e, s) -> count((int) e.sharedState().unsafeMapWriters(), "thread") + " updated the same map, one that"
                            + " is not thread-safe (a HashMap, TreeMap or LinkedHashMap), without any lock: "
                            + e.sharedState().unsafeMapForeignUpdates() + " of its updates came from threads other than the"
                            + " first one to update it (" + count((int) e.sharedState().words(), "word") + " in all). Updates"
                            + " that race on a HashMap get lost, or break the map, whether or not this run showed it.",
                    Evidence::callSite),
            // The Thread API rules below apply only to evidence that carries the threads exercise's counters
            // (Episode.watchThreadApi): other exercises never record them.
            Rule.flaw(VerdictId.RUN_NOT_START, "a watched call reached through `Thread.run()` on the caller's thread (threads)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (e, s) -> e.threadApi().runNotStart() > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " all ran on your own thread \"" + e.callerThread()
                            + "\", one at a time (at most " + e.peakOverlap() + " at once): " + count((int) e.threadApi().runNotStart(), "call")
                            + " came through Thread.run(), which runs the task right there and starts no thread.",
                    Evidence::callSite),
            Rule.model(VerdictId.ASYNC_CLIENT, "every request went out with `sendAsync`, more than one in flight",
                    Words.RIGHT_FOR_WORK,
                    // Asynchronous sends are all made by the caller; what matters is that they overlap.
                    (e, s) -> e.asyncCalls() > 0 && e.asyncCalls() == e.calls() && e.peakOverlap() > 1,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " went out with sendAsync, at most "
                            + e.peakOverlap() + " in flight at once (" + e.limitName() + " = " + e.limit() + ").",
                    Evidence::callSite),
            Rule.model(VerdictId.SEQUENTIAL, "every watched call ran on the caller's thread",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.callsOn(ThreadKind.CALLER) == e.calls(),
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran one at a time: at most "
                            + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + "), all on thread \""
                            + e.callerThread() + "\".",
                    Evidence::callSite),
            Rule.model(VerdictId.SERIALIZED, "several threads, never two calls in progress (the lock or the `Future.get` they waited on is named)",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.peakOverlap() <= 1 && e.calls() > 1,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + count(e.distinctThreads(), "thread")
                            + " but never two at once: at most 1 in progress (" + e.limitName() + " = " + e.limit() + ")."
                            + waits(e),
                    e -> telling(e).map(Evidence.ThreadWait::site).orElse(e.callSite())),
            Rule.flaw(VerdictId.POLLING, "the caller slept (`Thread.sleep`) or spun instead of calling `Thread.join` (threads)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (e, s) -> e.threadApi().callerSleeps() > 0 || (e.threadApi().threadApiStarts() > 0 && e.threadApi().callerJoined() == 0),
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + count(e.distinctThreads(), "thread")
                            + ", at most " + e.peakOverlap() + " at once, but your own thread \"" + e.callerThread() + "\" waited"
                            // How many sleeps depends on how long the threads ran: the count is not shown.
                            + (e.threadApi().callerSleeps() > 0
                                    ? " for them by calling Thread.sleep" + (e.threadApi().callerJoined() > 0 ? "" : " and never joined one")
                                    : " for them without ever calling Thread.join (a loop over isAlive(), a latch)")
                            + ".",
                    e -> e.startSite() != null ? e.startSite() : e.callSite()),
            Rule.model(VerdictId.EXECUTOR, "the threads were started by an executor, none with the `Thread` API (threads)",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.threadApi().executorStarts() > 0 && e.threadApi().threadApiStarts() == 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + count((int) e.threadApi().executorStarts(),
                            "thread") + " that an executor started" + (e.pools().isEmpty() ? "" : " (your pool" + poolSizes(e, "tpe")
                            + poolSizes(e, "fjp") + ")")
                            + ", at most " + e.peakOverlap() + " at once; your code started no thread itself.",
                    e -> e.pools().isEmpty() ? (e.startSite() != null ? e.startSite() : e.callSite()) : e.pools().get(0).site()),
            Rule.model(VerdictId.VIRTUAL_THREADS, "calls ran on virtual threads",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.callsOn(ThreadKind.VIRTUAL) > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + e.distinctThreads()
                            + " virtual threads, at most " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").",
                    e -> e.startSite() != null ? e.startSite() : e.callSite()),
            Rule.model(VerdictId.THREAD_PER_TASK, "a pool with no upper bound, or a new platform thread per item",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> learnerPools(e).stream().anyMatch(p -> p.max() == Integer.MAX_VALUE)
                            || (e.callsOn(ThreadKind.PLATFORM) > 0 && e.platformStarts() >= e.tasks()),
                    (e, s) -> unbounded(e),
                    e -> learnerPools(e).stream().filter(p -> p.max() == Integer.MAX_VALUE).map(Evidence.PoolSeen::site)
                            .findFirst().orElse(e.startSite())),
            Rule.model(VerdictId.COMMON_POOL, "calls ran on `ForkJoinPool.commonPool()` workers",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.callsOn(ThreadKind.COMMON_POOL) > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on the common ForkJoinPool: "
                            + e.callsOn(ThreadKind.COMMON_POOL) + " on its workers and " + e.callsOn(ThreadKind.CALLER)
                            + " on the caller, " + count(e.distinctThreads(), "thread") + " in all, at most "
                            + e.peakOverlap() + " at once"
                            // The bound the exercise gave is what the common pool ignores: it is sized by the cores.
                            + (e.limitName().startsWith("availableProcessors") ? "." : " (" + e.limitName() + " = " + e.limit()
                                    + ": the common pool ignores it).") + processorsNote(e.availableProcessors()),
                    Evidence::callSite),
            Rule.model(VerdictId.FORK_JOIN_POOL, "calls ran on a `ForkJoinPool` the learner created",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.callsOn(ThreadKind.FORK_JOIN_POOL) > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on your ForkJoinPool"
                            + poolSizes(e, "fjp") + " (" + whoWorked(e) + "), at most "
                            + e.peakOverlap() + " at once." + processorsNote(e.availableProcessors()),
                    e -> firstPool(e, "fjp").map(Evidence.PoolSeen::site).orElse(e.callSite())),
            Rule.model(VerdictId.FIXED_POOL, "calls ran on a `ThreadPoolExecutor`'s workers, or on platform threads the learner started",
                    Words.RIGHT_FOR_WORK,
                    (e, s) -> e.callsOn(ThreadKind.POOL_WORKER) > 0 || e.callsOn(ThreadKind.PLATFORM) > 0,
                    // Platform threads the code started itself are no pool: the sentence says which it was.
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on "
                            + (firstPool(e, "tpe").isPresent() || e.callsOn(ThreadKind.POOL_WORKER) > 0
                                    ? "a pool" + poolSizes(e, "tpe") + " (" + whoWorked(e) + ")"
                                    : count(e.platformStarts(), "platform thread") + " your code started")
                            + ", at most " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ")."
                            + (e.limitName().startsWith("availableProcessors") ? processorsNote(e.availableProcessors()) : ""),
                    e -> firstPool(e, "tpe").map(Evidence.PoolSeen::site).orElse(e.startSite())),
            Rule.flaw(VerdictId.UNKNOWN, "the threads that did the work are of no kind the grader knows",
                    UNKNOWN_BECAUSE, Words.USE_INSTEAD,
                    (e, s) -> true,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on threads the grader could not classify: "
                            + e.callsByKind() + ".",
                    Evidence::callSite));

    /**
     * The model: what ran the work. The order is the order of how much a rule says. A stub, work in the wrong JVM and
     * processes come first: they decide whatever the threads did. Then the Thread API's and shared state's flaws, which
     * hide the model they were made with (the model rules after them still name it: {@link #modelOf}). Then the models
     * from the most particular evidence (every call sent async, every call on the caller, never two at once) to the most
     * general (pool workers or platform threads); {@code unknown} applies to anything left.
     */
    static final Concern<Evidence> MODEL = new Concern<>("model",
            "From the rule that says most to the one that says least: the first that applies names the verdict; a flaw"
                    + " rule hides no model, since the model rules after it name the model the evidence shows.",
            (e, s) -> true, MODEL_RULES, (e, s, r) -> modelOf(r, e, s), e -> e);

    /**
     * How the call ended: the last rule of every concern. A verdict that would earn model points, from a call that did
     * not return by itself, earns none. Wrong models and flaws keep their own names (a child never killed is
     * {@code no-kill} however the call ended): they earn nothing already, and say more.
     */
    static final Concern<Ended> ENDING = new Concern<>("ending",
            "Last: it re-labels a verdict the other concerns gave, and only one that would earn points.",
            (o, s) -> true,
            List.of(Rule.flaw(VerdictId.CALL_NOT_RETURNED, "a model that would earn points, or no call of the work"
                            + " at all, seen in a call whose check ran out of time and was interrupted (a method that goes"
                            + " on only when interrupted); a wrong model or another flaw keeps its own name",
                    Words.NOT_RETURNED, Words.RETURN_BY_ITSELF,
                    // No calls seen in a call that never returned says nothing about the work: the hang is the news.
                    (o, s) -> o.observation().ending() != Observation.Ending.BY_ITSELF
                            && (o.judged().earns(s) || o.judged().id() == VerdictId.NO_CALLS),
                    (o, s) -> "Your method did not return by itself: the check \"" + o.observation().evidence().scenario()
                            + "\" ran out of time and the grader interrupted it. What was seen after that earns no"
                            + " model points: " + o.judged().summary(),
                    o -> o.judged().site())),
            (o, s, r) -> o.judged().model(), o -> o.observation().evidence());

    /** What the ending rule reads: how the call ended, and the verdict the other concerns gave it. */
    record Ended(Observation observation, Judged judged) {}

    /** Judges one exercise from evidence of calls that all ended by themselves. */
    public static ModelVerdict judge(ExerciseSpec spec, List<Evidence> evidence) {
        return judgeObserved(spec, evidence.stream().map(Observation::byItself).toList());
    }

    /** Judges one exercise from all its observations, each with how its call ended. */
    public static ModelVerdict judgeObserved(ExerciseSpec spec, List<Observation> observed) {
        return judgeObserved(spec, observed, List.of());
    }

    /**
     * Judges one exercise from all its observations; {@code unreturned} names the model checks whose call never
     * returned and left no evidence (their test ran out of time, and its JVM was stopped before the check could report).
     */
    public static ModelVerdict judgeObserved(ExerciseSpec spec, List<Observation> observed, List<Observation.Unreturned> unreturned) {
        List<Evidence> observations = observed.stream().map(Observation::evidence).toList();
        if (observations.isEmpty()) {
            return unreturned.isEmpty() ? EarlyVerdicts.noEvidence() : EarlyVerdicts.notReturned(unreturned);
        }
        List<Judged> judged = observed.stream().map(o -> judgeEnded(spec, o)).toList();
        // A wrong model decides before a warned one (e.g. a pool that works at one limit and ignores the other).
        Judged decisive = judged.stream().filter(j -> !j.earns(spec)).findFirst()
                .or(() -> judged.stream().filter(j -> !spec.models().expected().contains(j.id().id())).findFirst())
                .orElse(judged.get(0));
        if (decisive.id() == VerdictId.HARD_CODED_POOL_SIZE) {
            // A wrong size is named from every observation: what the size follows shows only across several bounds.
            decisive = UseRules.SIZE_NAMES.judge(new UseRules.Sizes(judged, decisive), spec).orElseThrow();
        }
        String summary = decisive.summary();
        // The decisive observation's flaw comes first; the others' flaws follow, once each. When the decisive
        // observation shows a wrong model with no flaw, the model alone is the verdict.
        List<ModelVerdict.Flaw> flaws = new ArrayList<>();
        Set<VerdictId> seen = new LinkedHashSet<>();
        List<Judged> flawed = decisive.id().isModel() ? List.of()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(decisive),
                        // the other observations' wrong sizes are the decisive one's, named once above
                        judged.stream().filter(j -> j.id() != VerdictId.HARD_CODED_POOL_SIZE)).toList();
        for (Judged j : flawed) {
            if (!j.id().isModel() && seen.add(j.id())) {
                flaws.add(new ModelVerdict.Flaw(j.id(), j == decisive ? summary : j.summary(), j.evidence().scenario(), j.site()));
            }
        }
        Rule<?> rule = decisive.rule();
        ExerciseSpec.Feedback fb = spec.feedback().get(rule.id().id());
        String why = fb != null ? fb.why() : rule.because().in(spec);
        String hint = fb != null ? fb.hint() : rule.hint().in(spec);
        VerdictId model = decisive.model();
        if (flaws.isEmpty() && spec.expects(model)) {
            // A spec may word the praise of an expected model itself, as the feedback's "why".
            String praise = fb != null ? fb.why() : rule.praise().in(spec);
            return new ModelVerdict(model, flaws, Severity.INFO, 1, summary, praise, null, decisive.site(), observations);
        }
        // A warned model earns its share; a flaw costs every model point unless the spec gives it a share (the least
        // of the shares when there are several).
        Optional<Double> warn = flaws.isEmpty() ? spec.warnShare(model)
                : flaws.stream().map(f -> spec.warnShare(f.id())).reduce(Optional.of(1.0),
                        (x, y) -> x.isPresent() && y.isPresent() ? Optional.of(Math.min(x.get(), y.get())) : Optional.empty());
        if (warn.isPresent()) {
            return new ModelVerdict(model, flaws, Severity.WARN, warn.get(), summary, why, hint, decisive.site(), observations);
        }
        return new ModelVerdict(model, flaws, Severity.FAIL, 0, summary, why, hint, decisive.site(), observations);
    }

    /**
     * {@return the model the evidence shows, when the first rule that applied names a flaw} The model rules after it
     * that name a model decide; none when the flaw is that nothing could be observed.
     */
    static VerdictId modelOf(Rule<Evidence> first, Evidence e, ExerciseSpec spec) {
        VerdictId id = first.id();
        if (id.isModel()) {
            return id;
        }
        if (id == VerdictId.NOT_IMPLEMENTED || id == VerdictId.NO_CALLS || id == VerdictId.UNKNOWN) {
            return null;
        }
        return MODEL_RULES.subList(MODEL_RULES.indexOf(first) + 1, MODEL_RULES.size()).stream()
                .filter(r -> r.id().isModel() && r.applies().test(e, spec))
                .map(Rule::id).findFirst().orElse(null);
    }

    /** The verdict of one observation, with how its call ended. */
    static Judged judgeEnded(ExerciseSpec spec, Observation o) {
        Judged j = judgeOne(spec, o.evidence());
        return ENDING.judge(new Ended(o, j), spec).orElse(j);
    }

    /**
     * The verdict of one observation: a pipeline's stages decide alone; otherwise the model, then the concerns of its
     * use in the order {@link UseRules#CONCERNS} gives, the first flaw found deciding.
     */
    static Judged judgeOne(ExerciseSpec spec, Evidence e) {
        Optional<Judged> staged = StageRules.STAGES.judge(new StageRules.Stages(e), spec);
        if (staged.isPresent()) {
            return staged.get();
        }
        Judged model = MODEL.judge(e, spec).orElseThrow();
        UseRules.Use use = new UseRules.Use(e, model, spec);
        for (Concern<UseRules.Use> concern : UseRules.CONCERNS) {
            Optional<Judged> flaw = concern.judge(use, spec);
            if (flaw.isPresent()) {
                return flaw.get();
            }
        }
        return model;
    }

    private static List<Evidence.PoolSeen> learnerPools(Evidence e) {
        return e.pools();
    }

    private static Optional<Evidence.PoolSeen> firstPool(Evidence e, String kind) {
        return e.pools().stream().filter(p -> p.kind().equals(kind)).findFirst();
    }

    private static String poolSizes(Evidence e, String kind) {
        List<String> sizes = e.pools().stream().filter(p -> p.kind().equals(kind))
                .map(p -> p.max() == Integer.MAX_VALUE ? "unbounded" : String.valueOf(p.max())).toList();
        return sizes.isEmpty() ? "" : " of " + String.join(", ", sizes) + " threads";
    }

    /**
     * "6 of them did work, and your own thread "main" made 48 of the calls": the caller is counted apart from the pool's
     * threads, so that the number of threads that did work never reads as more than the pool has.
     */
    private static String whoWorked(Evidence e) {
        int byCaller = e.callsOn(ThreadKind.CALLER);
        int others = e.distinctThreads() - (byCaller > 0 ? 1 : 0);
        return others + " of them did work" + (byCaller == 0 ? ""
                : ", and your own thread \"" + e.callerThread() + "\" made " + byCaller + " of the " + plural(e.callLabel()));
    }

    /**
     * Why a sentence's processors are not the machine's cores: the grader fixes the test JVM's availableProcessors()
     * ({@code -XX:ActiveProcessorCount}) so that a pool sized to the cores has the same size on every machine.
     */
    static String processorsNote(int processors) {
        return " (The test JVM reports " + processors + " processors on any machine, so that the counts compare from one machine to the next;"
                + " how many calls run at the very same moment also depends on the machine's own cores.)";
    }

    static String poolNote(Evidence e) {
        return e.pools().isEmpty() ? "" : " Your pool" + poolSizes(e, "tpe") + ".";
    }

    private static String unbounded(Evidence e) {
        Optional<Evidence.PoolSeen> cached = e.pools().stream().filter(p -> p.max() == Integer.MAX_VALUE).findFirst();
        String start = cached.isPresent()
                ? "Your pool has no upper bound (maximum size " + Integer.MAX_VALUE + ", as Executors.newCachedThreadPool makes it)"
                : "Your code started a new platform thread per task";
        return start + ": " + count(e.platformStarts(), "platform thread") + " started for " + count(e.tasks(), e.callLabel())
                + ", up to " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").";
    }

    /** The options of {@code java} whose next argument is a class path. */
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path");

    /**
     * {@return a child's command line in the learner's terms} The program by its file name ({@code java}, not the
     * path of the grader's JDK), a class path as {@code (class path)} (it names the grader's own jars), a main class of
     * the grader's (the jobs the checks hand out) as {@code (the job's main class)}, and any other very long argument
     * shortened: the sentence is read by learners, and the grader's paths and jar names are none of theirs.
     */
    static String shortCommand(List<String> command) {
        List<String> shown = new ArrayList<>();
        boolean classPathNext = false;
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (i == 0) {
                int slash = Math.max(arg.lastIndexOf('/'), arg.lastIndexOf('\\'));
                shown.add(arg.substring(slash + 1));
            } else if (classPathNext) {
                shown.add("(class path)");
            } else if (arg.startsWith("-javaagent:") || arg.startsWith("-Xbootclasspath")) {
                shown.add("(grader option)");
            } else if (arg.startsWith("grader.")) {
                shown.add("(the job's main class)");
            } else {
                shown.add(arg.length() > 60 ? arg.substring(0, 25) + "..." + arg.substring(arg.length() - 25) : arg);
            }
            classPathNext = i > 0 && CLASS_PATH_OPTIONS.contains(arg);
        }
        return String.join(" ", shown);
    }

    /** A thread blocked on a lock says more than one waiting for a future: it comes first. */
    private static Optional<Evidence.ThreadWait> telling(Evidence e) {
        return e.waits().stream().filter(w -> w.lock() != null && w.lockOwner() != null).findFirst()
                .or(() -> e.waits().stream().findFirst());
    }

    /** A thread seen waiting for a lock another thread held, if any. */
    private static Optional<Evidence.ThreadWait> lockWait(Evidence e) {
        return e.waits().stream().filter(w -> w.lock() != null && w.lockOwner() != null).findFirst();
    }

    private static String lockWaits(Evidence e) {
        long blocked = e.sharedState().workersBlockedOnLock();
        Optional<Evidence.ThreadWait> w = lockWait(e);
        if (blocked == 0 || w.isEmpty()) {
            return "";
        }
        Evidence.ThreadWait wait = w.get();
        return " While one worker held it, " + count((int) blocked, "other worker") + " waited for it: thread \""
                + wait.thread() + "\" was " + wait.state() + " on " + wait.lock() + " held by \"" + wait.lockOwner()
                + "\" at " + wait.site() + ".";
    }

    private static String waits(Evidence e) {
        if (e.waits().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" While we waited for a second one, ");
        Evidence.ThreadWait w = telling(e).orElseThrow();
        b.append("thread \"").append(w.thread()).append("\" was ").append(w.state());
        if (w.lock() != null && w.lockOwner() != null) {
            b.append(" on lock ").append(w.lock()).append(" held by \"").append(w.lockOwner()).append("\"");
        } else if (w.waitingIn() != null) {
            b.append(" in ").append(w.waitingIn());
        }
        b.append(" at ").append(w.site()).append('.');
        return b.toString();
    }

    static String count(int n, String singular) {
        return n + " " + (n == 1 ? singular : plural(singular));
    }

    static String count(int n, String singular, String pluralForm) {
        return n + " " + (n == 1 ? singular : pluralForm);
    }

    static String plural(String singular) {
        if (singular.endsWith("call")) {
            return singular + "s";
        }
        return singular.endsWith("s") ? singular + "es" : singular + "s";
    }
}
