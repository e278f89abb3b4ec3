package grader.verdict;

import grader.values.Evidence;
import grader.values.Site;
import grader.values.ThreadKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Turns evidence into a model verdict. Each rule names the verdict id it gives, when it applies
 * (counts, overlaps, thread kinds and sizes only: never a duration), and the sentence that states its
 * evidence. The first rule that applies names the model; bound and leak rules then check that model's
 * use. With several observations, the first one that is not expected decides.
 */
public final class ModelRules {
    private ModelRules() {}

    /** A model rule: the verdict id it gives, when it applies, and how it states its evidence. */
    record Rule(String id, String description, BiPredicate<Evidence, ExerciseSpec> applies,
                BiFunction<Evidence, ExerciseSpec, String> summary, Function<Evidence, Site> site) {}

    static final List<Rule> MODEL_RULES = List.of(
            new Rule("not-implemented", "the method still throws the stub's UnsupportedOperationException",
                    (e, s) -> e.thrown() != null && e.thrown().startsWith("java.lang.UnsupportedOperationException"),
                    (e, s) -> "Not implemented yet: the method still throws " + e.thrown() + ".",
                    e -> null),
            new Rule("in-process", "jobs meant for child processes ran inside the test JVM",
                    (e, s) -> e.childProcesses().jobsInProcess() > 0,
                    (e, s) -> e.childProcesses().jobsInProcess() + " of your " + count(e.tasks(), e.callLabel())
                            + " ran inside the JVM that called your method (the job reported the caller's own pid), and "
                            + count(e.processes().size(), "child process", "child processes") + " were started.",
                    Evidence::callSite),
            new Rule("processes", "child processes were started",
                    (e, s) -> !e.processes().isEmpty(),
                    (e, s) -> "Your code started " + count(e.processes().size(), "child process", "child processes")
                            + " for " + count(e.tasks(), e.callLabel()) + " (first: "
                            + shortCommand(e.processes().get(0).command()) + ").",
                    e -> e.processes().get(0).site()),
            new Rule("not-joined", "the method returned before the calls on the threads it started had ended",
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
            new Rule("no-calls", "no watched call was made",
                    (e, s) -> e.calls() == 0,
                    (e, s) -> (e.thrown() != null ? "The method threw " + e.thrown() + " before" : "We saw no")
                            + " " + plural(e.callLabel()) + (e.thrown() != null ? " were made." : " through "
                            + (s.workload() == Workload.IO ? "the HttpClient you were given." : "the given kernel."))
                            + " The grader can only judge work it sees.",
                    e -> null),
            new Rule("global-lock", "workers took one shared lock for (nearly) every update: a GIL of your own",
                    (e, s) -> e.sharedState().lines() > 0 && e.sharedState().sharedLockAcquisitions() > 0
                            && e.sharedState().sharedLockAcquisitions() * 2 >= e.sharedState().lines(),
                    (e, s) -> "Your " + count((int) e.sharedState().sharedLockWorkers(), "worker") + " took one lock "
                            + e.sharedState().sharedLockAcquisitions() + " times for " + count((int) e.sharedState().lines(), "line")
                            + " (" + count((int) e.sharedState().words(), "word") + "): every update waited for it." + lockWaits(e),
                    e -> lockWait(e).map(Evidence.ThreadWait::site).orElse(e.callSite())),
            new Rule("synchronized-map", "workers updated one Collections.synchronizedMap (or Hashtable)",
                    (e, s) -> e.sharedState().lines() > 0 && e.sharedState().synchronizedMapUpdates() > 0
                            && e.sharedState().synchronizedMapUpdates() * 2 >= e.sharedState().lines(),
                    (e, s) -> "Your workers made " + e.sharedState().synchronizedMapUpdates() + " updates through one"
                            + " synchronized map (Collections.synchronizedMap) for " + count((int) e.sharedState().words(), "word")
                            + ": each update takes the map's one lock, so the updates take turns." + lockWaits(e),
                    e -> lockWait(e).map(Evidence.ThreadWait::site).orElse(e.callSite())),
            new Rule("unsafe-shared-map", "several threads updated one non-thread-safe map without a lock",
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
            new Rule("run-not-start", "Thread.run() ran the task on the caller instead of Thread.start()",
                    (e, s) -> e.threadApi().runNotStart() > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " all ran on your own thread \"" + e.callerThread()
                            + "\", one at a time (at most " + e.peakOverlap() + " at once): " + count((int) e.threadApi().runNotStart(), "call")
                            + " came through Thread.run(), which runs the task right there and starts no thread.",
                    Evidence::callSite),
            new Rule("async-client", "requests were sent with HttpClient.sendAsync",
                    // Asynchronous sends are all made by the caller; what matters is that they overlap.
                    (e, s) -> e.asyncCalls() > 0 && e.asyncCalls() == e.calls() && e.peakOverlap() > 1,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " went out with sendAsync, at most "
                            + e.peakOverlap() + " in flight at once (" + e.limitName() + " = " + e.limit() + ").",
                    Evidence::callSite),
            new Rule("sequential", "every watched call ran on the caller's thread",
                    (e, s) -> e.callsOn(ThreadKind.CALLER) == e.calls(),
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran one at a time: at most "
                            + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + "), all on thread \""
                            + e.callerThread() + "\".",
                    Evidence::callSite),
            new Rule("serialized", "several threads made watched calls, but never two at once",
                    (e, s) -> e.peakOverlap() <= 1 && e.calls() > 1,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + count(e.distinctThreads(), "thread")
                            + " but never two at once: at most 1 in progress (" + e.limitName() + " = " + e.limit() + ")."
                            + waits(e),
                    e -> telling(e).map(Evidence.ThreadWait::site).orElse(e.callSite())),
            new Rule("polling", "the caller waited for its threads without joining them: it slept in a loop, or spun",
                    (e, s) -> e.threadApi().callerSleeps() > 0 || (e.threadApi().threadApiStarts() > 0 && e.threadApi().callerJoined() == 0),
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + count(e.distinctThreads(), "thread")
                            + ", at most " + e.peakOverlap() + " at once, but your own thread \"" + e.callerThread() + "\" waited"
                            // How many sleeps depends on how long the threads ran: the count is not shown.
                            + (e.threadApi().callerSleeps() > 0
                                    ? " for them by calling Thread.sleep" + (e.threadApi().callerJoined() > 0 ? "" : " and never joined one")
                                    : " for them without ever calling Thread.join (a loop over isAlive(), a latch)")
                            + ".",
                    e -> e.startSite() != null ? e.startSite() : e.callSite()),
            new Rule("executor", "an executor started the threads instead of the Thread API",
                    (e, s) -> e.threadApi().executorStarts() > 0 && e.threadApi().threadApiStarts() == 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + count((int) e.threadApi().executorStarts(),
                            "thread") + " that an executor started" + (e.pools().isEmpty() ? "" : " (your pool" + poolSizes(e, "tpe")
                            + poolSizes(e, "fjp") + ")")
                            + ", at most " + e.peakOverlap() + " at once; your code started no thread itself.",
                    e -> e.pools().isEmpty() ? (e.startSite() != null ? e.startSite() : e.callSite()) : e.pools().get(0).site()),
            new Rule("virtual-threads", "watched calls ran on virtual threads",
                    (e, s) -> e.callsOn(ThreadKind.VIRTUAL) > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on " + e.distinctThreads()
                            + " virtual threads, at most " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").",
                    e -> e.startSite() != null ? e.startSite() : e.callSite()),
            new Rule("thread-per-task", "an unbounded pool or a new platform thread per task",
                    (e, s) -> learnerPools(e).stream().anyMatch(p -> p.max() == Integer.MAX_VALUE)
                            || (e.callsOn(ThreadKind.PLATFORM) > 0 && e.platformStarts() >= e.tasks()),
                    (e, s) -> unbounded(e),
                    e -> learnerPools(e).stream().filter(p -> p.max() == Integer.MAX_VALUE).map(Evidence.PoolSeen::site)
                            .findFirst().orElse(e.startSite())),
            new Rule("common-pool", "watched calls ran on the common ForkJoinPool",
                    (e, s) -> e.callsOn(ThreadKind.COMMON_POOL) > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on the common ForkJoinPool: "
                            + e.callsOn(ThreadKind.COMMON_POOL) + " on its workers and " + e.callsOn(ThreadKind.CALLER)
                            + " on the caller, " + count(e.distinctThreads(), "thread") + " in all, at most "
                            + e.peakOverlap() + " at once"
                            // The bound the exercise gave is what the common pool ignores: it is sized by the cores.
                            + (e.limitName().startsWith("availableProcessors") ? "." : " (" + e.limitName() + " = " + e.limit()
                                    + ": the common pool ignores it).") + processorsNote(e.availableProcessors()),
                    Evidence::callSite),
            new Rule("fork-join-pool", "watched calls ran on a ForkJoinPool the learner created",
                    (e, s) -> e.callsOn(ThreadKind.FORK_JOIN_POOL) > 0,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on your ForkJoinPool"
                            + poolSizes(e, "fjp") + " (" + whoWorked(e) + "), at most "
                            + e.peakOverlap() + " at once." + processorsNote(e.availableProcessors()),
                    e -> firstPool(e, "fjp").map(Evidence.PoolSeen::site).orElse(e.callSite())),
            new Rule("fixed-pool", "watched calls ran on pool workers or the learner's platform threads",
                    (e, s) -> e.callsOn(ThreadKind.POOL_WORKER) > 0 || e.callsOn(ThreadKind.PLATFORM) > 0,
                    // Platform threads the code started itself are no pool: the sentence says which it was.
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on "
                            + (firstPool(e, "tpe").isPresent() || e.callsOn(ThreadKind.POOL_WORKER) > 0
                                    ? "a pool" + poolSizes(e, "tpe") + " (" + whoWorked(e) + ")"
                                    : count(e.platformStarts(), "platform thread") + " your code started")
                            + ", at most " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ")."
                            + (e.limitName().startsWith("availableProcessors") ? processorsNote(e.availableProcessors()) : ""),
                    e -> firstPool(e, "tpe").map(Evidence.PoolSeen::site).orElse(e.startSite())),
            new Rule("unknown", "the threads that did the work are of no kind the grader knows",
                    (e, s) -> true,
                    (e, s) -> "Your " + count(e.calls(), e.callLabel()) + " ran on threads the grader could not classify: "
                            + e.callsByKind() + ".",
                    Evidence::callSite));

    /** Judges one exercise from evidence of calls that all ended by themselves. */
    public static ModelVerdict judge(ExerciseSpec spec, List<Evidence> evidence) {
        return judgeObserved(spec, evidence.stream().map(Observation::byItself).toList());
    }

    /** Judges one exercise from all its observations, each with how its call ended. */
    public static ModelVerdict judgeObserved(ExerciseSpec spec, List<Observation> observed) {
        List<Evidence> observations = observed.stream().map(Observation::evidence).toList();
        if (observations.isEmpty()) {
            String summary = "No model check produced evidence (did the tests run?).";
            return new ModelVerdict(null, List.of(new ModelVerdict.Flaw(VerdictId.NO_EVIDENCE, summary, null, null)),
                    Severity.FAIL.id(), 0, summary, "The grader decides the model only from what it observes.",
                    "See the test results above for why the checks did not run.", null, List.of());
        }
        List<Judged> judged = observed.stream().map(o -> judgeEnded(spec, o)).toList();
        // A wrong model decides before a warned one (e.g. a pool that works at one limit and ignores the other).
        Judged first = judged.stream().filter(j -> !spec.models().expected().contains(j.id())
                        && !spec.models().warn().containsKey(j.id())).findFirst()
                .or(() -> judged.stream().filter(j -> !spec.models().expected().contains(j.id())).findFirst())
                .orElse(judged.get(0));
        Judged decisive = first;
        String summary = decisive.summary();
        if (HARD_CODED_ID.equals(decisive.id())) {
            SizeFollows follows = sizeFollows(spec, judged);
            summary = hardCodedSummary(spec, judged) + follows.sentence();
            decisive = new Judged(decisive.model(), follows.id().id(), summary, decisive.site(), decisive.evidence());
        }
        // The decisive observation's flaw comes first; the others' flaws follow, once each. When the decisive
        // observation shows a wrong model with no flaw, the model alone is the verdict.
        List<ModelVerdict.Flaw> flaws = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Judged> flawed = VerdictId.parse(decisive.id(), "rule book").isModel() ? List.of()
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(decisive),
                        // the other observations' wrong sizes are the decisive one's, named once above
                        judged.stream().filter(j -> !HARD_CODED_ID.equals(j.id()))).toList();
        for (Judged j : flawed) {
            VerdictId id = VerdictId.parse(j.id(), "rule book");
            if (!id.isModel() && seen.add(j.id())) {
                flaws.add(new ModelVerdict.Flaw(id, j == decisive ? summary : j.summary(), j.evidence().scenario(), j.site()));
            }
        }
        String id = decisive.id();
        ExerciseSpec.Feedback fb = spec.feedback().get(id);
        String why = fb != null ? fb.why() : DefaultFeedback.why(id, spec);
        String hint = fb != null ? fb.hint() : DefaultFeedback.hint(id, spec);
        VerdictId model = decisive.model();
        if (flaws.isEmpty() && spec.expects(model)) {
            // A spec may word the praise of an expected model itself, as the feedback's "why".
            String praise = fb != null ? fb.why() : DefaultFeedback.praise(id, spec);
            return new ModelVerdict(model, flaws, Severity.INFO.id(), 1, summary, praise, null, decisive.site(), observations);
        }
        // A warned model earns its share; a flaw costs every model point unless the spec gives it a share (the least
        // of the shares when there are several).
        Optional<Double> warn = flaws.isEmpty() ? spec.warnShare(model)
                : flaws.stream().map(f -> spec.warnShare(f.id())).reduce(Optional.of(1.0),
                        (x, y) -> x.isPresent() && y.isPresent() ? Optional.of(Math.min(x.get(), y.get())) : Optional.empty());
        if (warn.isPresent()) {
            return new ModelVerdict(model, flaws, Severity.WARN.id(), warn.get(), summary, why, hint, decisive.site(), observations);
        }
        return new ModelVerdict(model, flaws, Severity.FAIL.id(), 0, summary, why, hint, decisive.site(), observations);
    }

    private static final String HARD_CODED_ID = VerdictId.HARD_CODED_POOL_SIZE.id();

    /** The verdict of one observation, before points. */
    record Judged(VerdictId model, String id, String summary, Site site, Evidence evidence) {}

    /**
     * {@return the model the evidence shows, when the first rule that applied names a flaw} The model rules after it
     * that name a model decide; none when the flaw is that nothing could be observed.
     */
    static VerdictId modelOf(Rule first, Evidence e, ExerciseSpec spec) {
        VerdictId id = VerdictId.parse(first.id(), "rule book");
        if (id.isModel()) {
            return id;
        }
        if (id == VerdictId.NOT_IMPLEMENTED || id == VerdictId.NO_CALLS || id == VerdictId.UNKNOWN) {
            return null;
        }
        return MODEL_RULES.subList(MODEL_RULES.indexOf(first) + 1, MODEL_RULES.size()).stream()
                .filter(r -> VerdictId.parse(r.id(), "rule book").isModel() && r.applies().test(e, spec))
                .map(r -> VerdictId.parse(r.id(), "rule book")).findFirst().orElse(null);
    }

    /**
     * The last rule of every concern: a verdict that would earn model points, from a call that did not return by itself,
     * earns none. Wrong models and flaws keep their own names (a child never killed is {@code no-kill} however the call
     * ended): they earn nothing already, and say more.
     */
    static Judged judgeEnded(ExerciseSpec spec, Observation o) {
        Judged j = judgeOne(spec, o.evidence());
        boolean earns = spec.models().expected().contains(j.id()) || spec.models().warn().containsKey(j.id());
        if (o.ending() == Observation.Ending.BY_ITSELF || !earns) {
            return j;
        }
        return new Judged(j.model(), VerdictId.CALL_NOT_RETURNED.id(), "Your method did not return by itself: the check \""
                + o.evidence().scenario() + "\" ran out of time and the grader interrupted it. What was seen after that earns no"
                + " model points: " + j.summary(), j.site(), o.evidence());
    }

    static Judged judgeOne(ExerciseSpec spec, Evidence e) {
        Judged staged = StageRules.judgeOne(spec, e);
        if (staged != null) {
            return staged;
        }
        Rule model = MODEL_RULES.stream().filter(r -> r.applies().test(e, spec)).findFirst().orElseThrow();
        VerdictId observed = modelOf(model, e, spec);
        Judged judged = new Judged(observed, model.id(), model.summary().apply(e, spec), model.site().apply(e), e);
        // A pool made with core size 0 and an unbounded queue never starts a second worker, whatever its maximum: its
        // size looks right, so this comes before the size rules.
        Optional<Evidence.PoolSeen> stuck = learnerPools(e).stream().filter(p -> "tpe".equals(p.kind()) && p.core() == 0
                && p.max() > 1 && p.max() != Integer.MAX_VALUE).findFirst();
        // One worker making every call looks serialized; the pool that kept it to one is the mistake to name.
        if (stuck.isPresent() && (observed == VerdictId.FIXED_POOL || observed == VerdictId.SERIALIZED)
                && e.callsOn(ThreadKind.POOL_WORKER) == e.calls() && e.distinctThreads() <= 1 && e.calls() > 1) {
            Evidence.PoolSeen p = stuck.get();
            return new Judged(VerdictId.FIXED_POOL, VerdictId.POOL_NEVER_GROWS.id(), "Your pool may have up to " + count(p.max(), "thread")
                    + " but keeps none (core size 0), so its queue takes every task and it never grows past 1: all "
                    + count(e.calls(), e.callLabel()) + " ran on " + count(e.distinctThreads(), "thread") + ", at most "
                    + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").", p.site(), e);
        }
        Optional<Evidence.PoolSeen> small = learnerPools(e).stream().filter(p -> isSmall(spec, e, p)).findFirst();
        if (small.isPresent() && spec.feedback().containsKey("small-pool")
                && ("fixed-pool".equals(model.id()) || "fork-join-pool".equals(model.id()))) {
            // A pool far below the limit is its own mistake (a pool sized for CPU work, made to wait on the
            // network) where the exercise's spec words it; elsewhere it stays a pool of the wrong size.
            Evidence.PoolSeen p = small.get();
            return new Judged(observed, "small-pool", "Your pool has " + count(p.max(), "thread") + " for " + e.limitName() + " = "
                    + e.limit() + ": at most " + e.peakOverlap() + " of " + count(e.tasks(), e.callLabel())
                    + " were in flight at once, while " + Math.min(e.limit(), e.tasks()) + " were allowed.", p.site(), e);
        }
        // A warned model (it works, but it is not the one the exercise teaches) must keep the bounds too.
        if (!spec.models().expected().contains(model.id()) && !spec.models().warn().containsKey(model.id())) {
            return judged;
        }
        if ("processes".equals(model.id())) {
            Optional<Judged> isolation = isolationRules(e, judged);
            if (isolation.isPresent()) {
                return isolation.get();
            }
        }
        // Threads that do part of the work while the caller does the rest: the caller's share is not bounded by the
        // pool, and the caller is not free to collect results. Asynchronous sends are all made by the caller: not this.
        // Nor where the watched calls are reads of shared input (the lock exercise counts each line read): a caller
        // that reads lines to split them among the workers (the reference solution does) does none of the counting.
        if (CALLER_SHARES_WITH.contains(observed) && !spec.sharedState() && e.asyncCalls() == 0 && e.callsOn(ThreadKind.CALLER) > 0
                && e.callsOn(ThreadKind.CALLER) < e.calls()) {
            return new Judged(observed, VerdictId.CALLER_DOES_WORK.id(), "Your own thread \"" + e.callerThread() + "\" made "
                    + e.callsOn(ThreadKind.CALLER) + " of the " + count(e.calls(), e.callLabel()) + " itself, while "
                    + count(e.distinctThreads() - 1, "other thread") + " made the other " + (e.calls() - e.callsOn(ThreadKind.CALLER))
                    + ", at most " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").", e.callSite(), e);
        }
        // For work sized to the cores, the threads that could do it must fit the cores: a pool's size is checked below;
        // platform threads started without a pool are counted here (peak overlap cannot tell on a machine with few cores).
        if (spec.poolSize() == PoolSize.CORES && observed == VerdictId.FIXED_POOL && learnerPools(e).isEmpty()
                && e.callsOn(ThreadKind.PLATFORM) > 0) {
            int cores = e.availableProcessors();
            int started = e.platformStarts();
            if (started < cores - 1) {
                return new Judged(observed, VerdictId.TOO_FEW_THREADS.id(), "Your code started " + count(started, "platform thread")
                        + " for " + count(e.calls(), e.callLabel()) + ", but availableProcessors() = " + cores + ": at most "
                        + started + " of the " + cores + " cores can work at once, and the other " + (cores - started)
                        + " sit idle." + processorsNote(cores), e.startSite() != null ? e.startSite() : e.callSite(), e);
            }
            if (started > cores + 1) {
                return new Judged(observed, VerdictId.POOL_SIZE_OFF_CORES.id(), "Your code started " + count(started, "platform thread")
                        + " for " + count(e.calls(), e.callLabel()) + ", but availableProcessors() = " + cores
                        + ": the threads beyond the cores only take turns on them." + processorsNote(cores), e.startSite() != null ? e.startSite() : e.callSite(), e);
            }
        }
        // The model is right; now check that it is used within its bounds and cleaned up.
        // A pool's size is decided where it is created, so it is checked before the overlap it allowed.
        Optional<Evidence.PoolSeen> wrongSize = learnerPools(e).stream().filter(p -> !sizeFits(spec, e, p)).findFirst();
        if (wrongSize.isPresent() && ("fixed-pool".equals(model.id()) || "fork-join-pool".equals(model.id()))) {
            Evidence.PoolSeen p = wrongSize.get();
            return new Judged(judged.model(), "hard-coded-pool-size", "Your pool has " + p.max() + " threads, but " + e.limitName() + " = "
                    + e.limit() + ".", p.site(), e);
        }
        if (spec.poolSize() == PoolSize.LIMIT && e.peakOverlap() > e.limit()) {
            return new Judged(judged.model(), "over-limit", "Up to " + e.peakOverlap() + " " + plural(e.callLabel()) + " were in flight at once, but "
                    + e.limitName() + " = " + e.limit() + "." + poolNote(e), judged.site(), e);
        }
        if (spec.poolSize() == PoolSize.LIMIT && e.rendezvous() != null && !e.rendezvous().reached()
                && e.peakOverlap() < Math.min(e.limit(), e.tasks())) {
            return new Judged(judged.model(), "under-limit", "At most " + e.peakOverlap() + " " + plural(e.callLabel()) + " were in flight at once, but "
                    + e.limitName() + " = " + e.limit() + " allows " + Math.min(e.limit(), e.tasks()) + ".", judged.site(), e);
        }
        // The cap was kept and reached, yet a finished request made no room for the next: batches of the limit, each
        // joined before the next is sent. Only the crawl check's sliding-window probe records these counters; a probe
        // that could not decide (its safety net ran out, or the call ended first) records none, and so gives no flaw.
        if (spec.poolSize() == PoolSize.LIMIT && e.window().batches() > 0 && e.peakOverlap() <= e.limit()) {
            return new Judged(judged.model(), VerdictId.IN_BATCHES.id(), inBatches(e), judged.site(), e);
        }
        List<Evidence.PoolSeen> open = learnerPools(e).stream().filter(p -> !p.shutDown()).toList();
        if (!open.isEmpty() || !e.leakedThreads().isEmpty()) {
            String what = open.isEmpty() ? "" : count(open.size(), "pool") + " you created " + (open.size() == 1 ? "was" : "were")
                    + " never shut down";
            String threads = e.leakedThreads().isEmpty() ? "" : (what.isEmpty() ? "" : "; ")
                    + count(e.leakedThreads().size(), "thread") + " still alive after the method returned ("
                    + String.join(", ", e.leakedThreads().subList(0, Math.min(3, e.leakedThreads().size())))
                    + (e.leakedThreads().size() > 3 ? ", ..." : "") + ")";
            Site site = open.isEmpty() ? e.startSite() : open.get(0).site();
            return new Judged(judged.model(), "leaked-threads", judged.summary() + " But " + what + threads + ".", site, e);
        }
        return judged;
    }

    /**
     * The sentence of {@code in-batches}: how many requests the probe held (the cap), how many of their responses it let
     * through one at a time with every thread of the learner's waiting and no new request after each, and how many URLs
     * were still to be requested.
     */
    static String inBatches(Evidence e) {
        long wave = e.window().firstWave();
        long quiet = e.window().quietRounds();
        return "Your code had " + wave + " " + plural(e.callLabel()) + " in flight at once (" + e.limitName() + " = " + e.limit()
                + "), and when one of them finished it sent no other: we let their responses through one at a time, and after"
                + " each of the first " + quiet + " (with " + (wave - 1) + " down to " + (wave - quiet) + " still in flight) all "
                + count((int) e.window().waitingThreads(), "thread") + " of yours were waiting and no " + e.callLabel()
                + " went out, though " + count((int) e.window().urlsLeft(), "URL") + " were still to be fetched."
                + " So each batch waits for its slowest " + e.callLabel() + ", where a sliding window (a Semaphore, a pool of"
                + " that size) sends the next one as soon as any finishes.";
    }

    /**
     * Child processes are the right model (the {@code processes} exercise): checks that they are killed, drained,
     * bounded and gone at return, from the counters its check records (absent elsewhere, so other exercises are
     * unaffected). A call that never returned is judged by what was alive then: a child blocked on its output
     * pipe, a child that got the polite stop (SIGTERM) and ignored it, or a child never stopped at all.
     */
    static Optional<Judged> isolationRules(Evidence e, Judged judged) {
        // A thread waiting for a child says more than the caller waiting for that thread: it comes first.
        Optional<Evidence.ThreadWait> wait = e.waits().stream().filter(w -> !w.thread().equals(e.callerThread())).findFirst()
                .or(() -> e.waits().stream().findFirst());
        Site waitSite = wait.map(Evidence.ThreadWait::site).orElse(judged.site());
        long inWaitFor = e.childProcesses().stuckInWaitFor();
        String waiting = inWaitFor > 0
                ? " " + (inWaitFor == 1 ? "1 thread of yours was" : inWaitFor + " threads of yours were") + " waiting in Process.waitFor()"
                        + wait.map(w -> " (\"" + w.thread() + "\" at " + w.site() + ")").orElse("") + "."
                : wait.map(w -> " Your thread \"" + w.thread() + "\" was " + w.state()
                        + (w.waitingIn() == null ? "" : " in " + w.waitingIn()) + " at " + w.site() + ".").orElse("");
        // A full pipe holds 64 KiB on Linux by default and at most 1 MiB (fs.pipe-max-size): a flood stalled beyond that
        // was being read, however slowly, so it is no deadlock (a virtual thread reading is not in a thread dump).
        if (e.childProcesses().runAllStuck() > 0 && e.childProcesses().stuckFlooders() > 0 && e.childProcesses().stuckReadingOutput() == 0
                && e.childProcesses().stuckFloodWritten() <= PIPE_MAX_BYTES) {
            return Optional.of(new Judged(judged.model(), "pipe-deadlock", "Your method never returned: " + count((int) e.childProcesses().stuckFlooders(), "child", "children")
                    + " that print" + (e.childProcesses().stuckFlooders() == 1 ? "s " : " ") + e.childProcesses().stuckFloodTotal()
                    + " bytes stopped after writing " + e.childProcesses().stuckFloodWritten() + " (a full pipe) and stayed alive." + waiting,
                    waitSite, e));
        }
        // Before no-kill: a runner that sent the polite stop did try to kill; what it lacks is the kill no child can ignore.
        if (e.childProcesses().runAllStuck() > 0 && e.childProcesses().stuckIgnoredTerm() > 0) {
            long ignored = e.childProcesses().stuckIgnoredTerm();
            return Optional.of(new Judged(judged.model(), VerdictId.POLITE_KILL_ONLY.id(), "Your method never returned: "
                    + count((int) ignored, "child process that never ends was", "child processes that never end were")
                    + " sent only the polite stop (SIGTERM, what Process.destroy() sends), ignored it (a shutdown hook that"
                    + " never returns), and " + (ignored == 1 ? "was" : "were") + " still alive long after the timeout"
                    + (e.childProcesses().stuckChildrenAlive() > ignored ? " (" + count((int) e.childProcesses().stuckChildrenAlive(), "child process",
                            "child processes") + " alive in all)" : "") + "." + waiting,
                    waitSite, e));
        }
        if (e.childProcesses().runAllStuck() > 0 && e.childProcesses().stuckSleepers() > 0) {
            long alive = e.childProcesses().stuckChildrenAlive();
            return Optional.of(new Judged(judged.model(), "no-kill", "Your method never returned: " + count((int) alive, "child process", "child processes")
                    + " still alive long after the timeout (" + count((int) e.childProcesses().stuckSleepers(), "job") + " that never end"
                    + (e.childProcesses().stuckSleepers() == 1 ? "s" : "") + ")." + waiting, waitSite, e));
        }
        if (e.childProcesses().peak() > e.limit()) {
            return Optional.of(new Judged(judged.model(), "unbounded-processes", "Up to " + e.childProcesses().peak() + " child JVMs were alive at once for "
                    + count(e.tasks(), e.callLabel()) + ", but " + e.limitName() + " = " + e.limit() + ".", judged.site(), e));
        }
        if (e.childProcesses().holdTarget() > 0 && e.childProcesses().holdReached() == 0 && e.childProcesses().peak() < Math.min(e.limit(), e.tasks())) {
            return Optional.of(new Judged(judged.model(), "under-limit", "At most " + e.childProcesses().peak() + " child JVMs ran at once, but "
                    + e.limitName() + " = " + e.limit() + " allows " + Math.min(e.limit(), e.tasks()) + ".", judged.site(), e));
        }
        // Before leaked-processes: children left alive because they ignored the polite stop have a truer name.
        if (e.childProcesses().aliveAtReturn() > 0 && e.childProcesses().aliveAfterPoliteStop() > 0) {
            long ignored = e.childProcesses().aliveAfterPoliteStop();
            return Optional.of(new Judged(judged.model(), VerdictId.POLITE_KILL_ONLY.id(), judged.summary() + " But "
                    + count((int) ignored, "child process that never ends was", "child processes that never end were")
                    + " sent only the polite stop (SIGTERM, what Process.destroy() sends), ignored it (a shutdown hook that never"
                    + " returns), and " + (ignored == 1 ? "was" : "were") + " still alive when your method returned.", judged.site(), e));
        }
        if (e.childProcesses().aliveAtReturn() > 0) {
            return Optional.of(new Judged(judged.model(), "leaked-processes", judged.summary() + " But " + count((int) e.childProcesses().aliveAtReturn(),
                    "child process was", "child processes were") + " still alive when your method returned.", judged.site(), e));
        }
        return Optional.empty();
    }

    /** The flaw ids of the models' own uses: which models a caller can share the work with. */
    private static final Set<VerdictId> CALLER_SHARES_WITH = Set.of(VerdictId.FIXED_POOL, VerdictId.FORK_JOIN_POOL,
            VerdictId.VIRTUAL_THREADS, VerdictId.THREAD_PER_TASK, VerdictId.EXECUTOR);

    /** What a pool's wrong size follows, and the sentence that says it and what it should follow. */
    record SizeFollows(VerdictId id, String sentence) {}

    /**
     * Names what a wrong pool size follows, from every observation's first pool: the number of items (one thread per
     * item), the bound but off by a constant or a factor (maxWorkers + 3, twice the cores), or nothing (hard-coded).
     * One observation cannot tell a constant from a multiple of the cores: a multiple is named as one.
     */
    static SizeFollows sizeFollows(ExerciseSpec spec, List<Judged> judged) {
        record Seen(int size, int limit, int tasks, int cores) {}
        List<Seen> seen = new ArrayList<>();
        for (Judged j : judged) {
            Evidence e = j.evidence();
            learnerPools(e).stream().findFirst().ifPresent(p -> seen.add(new Seen(p.max(), e.limit(), e.tasks(), e.availableProcessors())));
        }
        String should = spec.poolSize() == PoolSize.LIMIT ? " It should follow " + judged.get(0).evidence().limitName() + "."
                : " It should follow the cores (availableProcessors()).";
        String bound = judged.get(0).evidence().limitName();
        SizeFollows hardCoded = new SizeFollows(VerdictId.HARD_CODED_POOL_SIZE, " Its size does not follow " + bound + "." + should);
        if (seen.isEmpty()) {
            return hardCoded;
        }
        int expectedSize = spec.poolSize() == PoolSize.LIMIT ? seen.get(0).limit() : seen.get(0).cores();
        if (seen.stream().allMatch(x -> x.size() == x.tasks()) && seen.get(0).size() != expectedSize) {
            return new SizeFollows(VerdictId.POOL_SIZE_FOLLOWS_TASKS, " It follows the number of items: one thread per item." + should);
        }
        boolean severalBounds = seen.stream().map(Seen::limit).distinct().count() > 1;
        if (severalBounds && seen.stream().map(Seen::size).distinct().count() == 1) {
            return new SizeFollows(VerdictId.HARD_CODED_POOL_SIZE, " Its size stays the same whatever the limit: it is hard-coded." + should);
        }
        if (spec.poolSize() == PoolSize.LIMIT && severalBounds) {
            long offsets = seen.stream().map(x -> x.size() - x.limit()).distinct().count();
            if (offsets == 1) {
                int d = seen.get(0).size() - seen.get(0).limit();
                return new SizeFollows(VerdictId.POOL_SIZE_OFF_LIMIT, " It follows " + bound + " but is " + Math.abs(d)
                        + (d > 0 ? " more" : " fewer") + " than it (" + bound + (d > 0 ? " + " : " - ") + Math.abs(d) + ")." + should);
            }
            if (seen.stream().allMatch(x -> x.limit() > 0 && x.size() % x.limit() == 0)
                    && seen.stream().map(x -> x.size() / x.limit()).distinct().count() == 1) {
                return new SizeFollows(VerdictId.POOL_SIZE_OFF_LIMIT, " It follows " + bound + " but is " + seen.get(0).size() / seen.get(0).limit()
                        + " times it." + should);
            }
        }
        if (spec.poolSize() == PoolSize.CORES && seen.stream().allMatch(x -> x.size() > x.cores() && x.size() % x.cores() == 0)
                && seen.stream().map(x -> x.size() / x.cores()).distinct().count() == 1) {
            return new SizeFollows(VerdictId.POOL_SIZE_OFF_CORES, " It follows the cores but is " + seen.get(0).size() / seen.get(0).cores()
                    + " times them: the threads beyond the cores only take turns on them." + should);
        }
        return hardCoded;
    }

    private static boolean sizeFits(ExerciseSpec spec, Evidence e, Evidence.PoolSeen p) {
        if (p.max() == Integer.MAX_VALUE) {
            return false;
        }
        if (spec.poolSize() == PoolSize.LIMIT) {
            return p.max() <= e.limit() && p.max() >= Math.min(e.limit(), e.tasks());
        }
        int cores = e.availableProcessors();
        return p.max() >= cores - 1 && p.max() <= cores + 1;
    }

    /** A bounded pool with at most a quarter of the threads the limit allows: far below it. */
    private static boolean isSmall(ExerciseSpec spec, Evidence e, Evidence.PoolSeen p) {
        return spec.poolSize() == PoolSize.LIMIT && p.max() != Integer.MAX_VALUE && p.max() * 4 <= Math.min(e.limit(), e.tasks());
    }

    private static String hardCodedSummary(ExerciseSpec spec, List<Judged> judged) {
        List<String> parts = new ArrayList<>();
        Set<Integer> sizes = new LinkedHashSet<>();
        for (Judged j : judged) {
            Evidence e = j.evidence();
            Optional<Evidence.PoolSeen> pool = learnerPools(e).stream().findFirst();
            pool.ifPresent(p -> {
                sizes.add(p.max());
                parts.add(p.max() + " threads for " + e.limitName() + " = " + e.limit());
            });
        }
        return "Your pool had " + String.join(" and ", new LinkedHashSet<>(parts)) + ".";
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

    private static String poolNote(Evidence e) {
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

    /** The most a pipe can hold on Linux ({@code /proc/sys/fs/pipe-max-size} default): a writer stalled beyond it was read. */
    static final long PIPE_MAX_BYTES = 1 << 20;

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
