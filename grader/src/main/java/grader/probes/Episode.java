package grader.probes;

import grader.values.Counts;
import grader.values.Evidence;
import grader.values.Site;
import grader.values.ThreadKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One observed call of a learner method. A check begins an episode, calls the learner's method on
 * the same thread, marks how it ended, and turns what the agent and the wrappers recorded meanwhile
 * into {@link Evidence}. Only one episode is active at a time in a test JVM.
 */
public final class Episode implements AutoCloseable {
    private final String exercise;
    private final String scenario;
    private final String callLabel;
    private final int tasks;
    private final String limitName;
    private final int limit;
    private final Thread caller = Thread.currentThread();

    private volatile Rendezvous rendezvous;
    private volatile Rendezvous heldElsewhere;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger asyncCalls = new AtomicInteger();
    private final Map<ThreadKey, AtomicInteger> callsByThread = new ConcurrentHashMap<>();
    private final Map<ThreadKey, StartedThread> started = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<PoolRecord> pools = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Evidence.ProcessSeen> processes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Evidence.ThreadWait> waits = new ConcurrentLinkedQueue<>();
    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<CallRecord> timeline = new ConcurrentLinkedQueue<>();
    private final AtomicInteger timelineSize = new AtomicInteger();
    private final ThreadLocal<java.util.ArrayDeque<Call>> kernelCalls = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    private volatile Site callSite;
    private volatile Site startSite;
    private volatile String outcome = "running";
    private volatile String thrown;
    private volatile List<String> leaked = List.of();
    private volatile List<Boolean> poolsShutDown = List.of();
    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    private volatile String requestStage;
    private volatile String kernelStage;
    private final Map<String, StageState> stages = new ConcurrentHashMap<>();

    /** The counts of one pipeline stage's watched calls. */
    private static final class StageState {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final Map<ThreadKey, AtomicInteger> callsByThread = new ConcurrentHashMap<>();
        volatile Rendezvous rendezvous;
        volatile Rendezvous heldElsewhere;
    }
    private volatile boolean watchThreadApi;
    /** Watched calls that have ended (returned or thrown). */
    private final AtomicInteger exited = new AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch joinGate;
    private volatile Duration joinGateFallback;

    /**
     * A thread the learner's code started. {@code poolWorker}: a ThreadPoolExecutor's worker;
     * {@code managed}: an executor owns it (a pool, a ForkJoinPool, a thread-per-task executor), so
     * whether it outlives the call is told by that executor's state, not by the thread's.
     */
    record StartedThread(Thread thread, boolean poolWorker, boolean managed, Site site) {}

    private record PoolRecord(Object pool, String kind, int core, int max, Site site) {}

    /** Most calls a timeline keeps; the counts above it are exact whatever its length. */
    static final int TIMELINE_CAP = 2_000;

    /** A watched call in progress: pass it back to {@link #exitCall(Call)}. */
    public static final class Call {
        private final Thread thread;
        private final long start;
        private final boolean async;
        private StageState stage;

        private Call(Thread thread, long start, boolean async) {
            this.thread = thread;
            this.start = start;
            this.async = async;
        }
    }

    private record CallRecord(Thread thread, long start, long end, boolean async) {}

    private Episode(String exercise, String scenario, String callLabel, int tasks, String limitName, int limit) {
        this.exercise = exercise;
        this.scenario = scenario;
        this.callLabel = callLabel;
        this.tasks = tasks;
        this.limitName = limitName;
        this.limit = limit;
    }

    /**
     * Starts observing; call the learner's method next, on this thread.
     *
     * @param callLabel what one watched call is ("request"), for the feedback
     * @param tasks     how many items the learner's method is given
     * @param limitName the bound the exercise sets ("maxWorkers")
     * @param limit     its value here
     */
    public static Episode begin(String exercise, String scenario, String callLabel, int tasks, String limitName, int limit) {
        if (!LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            throw new IllegalCallerException("only the grader's code begins an episode");
        }
        Episode e = new Episode(exercise, scenario, callLabel, tasks, limitName, limit);
        Recorder.begin(e);
        return e;
    }

    /** {@return the active episode, if any} */
    public static Optional<Episode> current() {
        if (!LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            return Optional.empty();
        }
        return Optional.ofNullable(Recorder.current());
    }

    /** Holds watched calls until {@code target} are in progress together (see {@link Rendezvous}). */
    public Episode holdCallsUntil(int target, Duration fallback) {
        this.rendezvous = new Rendezvous(target, fallback, this::recordWaits);
        return this;
    }

    /**
     * Reports a rendezvous held elsewhere (the loopback server holds responses, not calls) as this
     * episode's, so the evidence says whether it was reached; it does not hold calls here.
     */
    public Episode reportRendezvous(Rendezvous held) {
        this.heldElsewhere = held;
        return this;
    }

    /**
     * Watches the Thread API for the {@code threads} exercise: counts thread starts as "thread-api-starts" (the
     * learner's own {@code Thread.start}, platform or virtual) or "executor-starts" (an executor or pool started
     * it), the caller's sleeps ("caller-sleeps") and whether it joined a thread ("caller-joined" = 1); and holds
     * every watched call made off the caller's thread, once past the rendezvous, until the caller enters
     * {@code Thread.join} or the learner's method has returned (after the census of leftover threads), with
     * {@code fallback} as the safety net. So threads that were never joined are certainly alive at the census.
     */
    public Episode watchThreadApi(Duration fallback) {
        this.watchThreadApi = true;
        this.joinGateFallback = fallback;
        this.joinGate = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    /** Adds {@code delta} to the named counter of this episode's evidence (see {@link Evidence#counters()}). */
    public void count(String name, long delta) {
        counters.merge(name, delta, Long::sum);
    }

    /** Raises the named counter to {@code value} if it is lower: for peaks. */
    public void atLeast(String name, long value) {
        counters.merge(name, value, Math::max);
    }

    /**
     * Labels this episode's watched calls by stage, for a pipeline: requests through the given client belong to
     * {@code requestStage}, calls of the watched kernels to {@code kernelStage}. The evidence then also counts
     * each stage on its own ({@link Evidence#stages()}); the episode-wide counts stay as they are.
     */
    public Episode stages(String requestStage, String kernelStage) {
        this.requestStage = requestStage;
        this.kernelStage = kernelStage;
        stages.computeIfAbsent(requestStage, k -> new StageState());
        stages.computeIfAbsent(kernelStage, k -> new StageState());
        return this;
    }

    /** Holds the named stage's calls until {@code target} of them are in progress together (see {@link Rendezvous}). */
    public Episode holdStageUntil(String stage, int target, Duration fallback) {
        stages.computeIfAbsent(stage, k -> new StageState()).rendezvous = new Rendezvous(target, fallback, this::recordWaits);
        return this;
    }

    /** Reports a rendezvous held elsewhere (the loopback server) as the named stage's, without holding calls here. */
    public Episode reportStageRendezvous(String stage, Rendezvous held) {
        stages.computeIfAbsent(stage, k -> new StageState()).heldElsewhere = held;
        return this;
    }

    /** {@return how many child processes the agent has seen started in this episode so far} */
    public int processesStarted() {
        return processes.size();
    }

    /** A watched call starts on the current thread; may wait at the rendezvous. */
    public Call enterCall(boolean async) {
        return enterCall(async, null);
    }

    private Call enterCall(boolean async, String kernel) {
        Thread t = Thread.currentThread();
        calls.incrementAndGet();
        if (async) {
            asyncCalls.incrementAndGet();
        }
        callsByThread.computeIfAbsent(ThreadKey.of(t), k -> new AtomicInteger()).incrementAndGet();
        if (callSite == null) {
            callSite = LearnerCode.outermostLearnerFrame(kernel).orElse(null);
        }
        int n = inFlight.incrementAndGet();
        peak.accumulateAndGet(n, Math::max);
        Call call = new Call(t, System.nanoTime(), async);
        String stageName = kernel == null ? requestStage : kernelStage;
        StageState stage = stageName == null ? null : stages.get(stageName);
        if (stage != null) {
            call.stage = stage;
            stage.calls.incrementAndGet();
            stage.callsByThread.computeIfAbsent(ThreadKey.of(t), k -> new AtomicInteger()).incrementAndGet();
            stage.peak.accumulateAndGet(stage.inFlight.incrementAndGet(), Math::max);
        }
        Rendezvous r = rendezvous;
        if (r != null) {
            r.arrive();
        }
        Rendezvous held = stage == null ? null : stage.rendezvous;
        if (held != null) {
            held.arrive();
        }
        java.util.concurrent.CountDownLatch gate = joinGate;
        if (gate != null && t != caller) {
            awaitJoinGate(gate);
        }
        return call;
    }

    private void awaitJoinGate(java.util.concurrent.CountDownLatch gate) {
        try {
            if (!gate.await(joinGateFallback.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                atLeast(Counts.ThreadApi.JOIN_GATE_GAVE_UP, 1); // 1 or absent: how many waiters gave up together is timing
                gate.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A watched call has ended (returned, threw or, for an asynchronous one, completed). */
    public void exitCall(Call call) {
        exited.incrementAndGet();
        inFlight.decrementAndGet();
        if (call.stage != null) {
            call.stage.inFlight.decrementAndGet();
        }
        if (timelineSize.incrementAndGet() <= TIMELINE_CAP) {
            timeline.add(new CallRecord(call.thread, call.start, System.nanoTime(), call.async));
        }
    }

    /** The learner's method returned: takes the census of what is left behind. */
    public void returned() {
        finish("returned", null);
    }

    /** The learner's method threw. */
    public void threw(Throwable t) {
        finish("threw", t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }

    private void finish(String how, String exception) {
        if (!"running".equals(outcome)) {
            return;
        }
        Rendezvous r = rendezvous;
        if (r != null) {
            r.release();
        }
        releaseStages();
        outcome = how;
        thrown = exception;
        if (watchThreadApi) {
            // Exact whatever the scheduling: the join gate keeps a call of a thread nobody joined from ending before
            // this count (a call not even started yet has not ended either).
            count(Counts.ThreadApi.CALLS_UNFINISHED_AT_RETURN, Math.max(0, tasks - exited.get()));
        }
        List<String> alive = new ArrayList<>();
        List<Boolean> shut = new ArrayList<>();
        for (PoolRecord p : pools) {
            boolean isShut = !(p.pool() instanceof ExecutorService es) || es.isShutdown();
            shut.add(isShut);
        }
        boolean allPoolsShut = !shut.contains(false);
        for (StartedThread s : started.values()) {
            Thread t = s.thread();
            if (!t.isAlive() || isCommonPoolWorker(t)) {
                continue;
            }
            if (s.managed()) {
                // A closed executor's threads may take a moment to terminate after their last task; an
                // executor left open is reported through its pool. A thread the learner started itself
                // and did not join is alive at return for sure: that is the leak.
                if (!allPoolsShut && (s.poolWorker() || t instanceof ForkJoinWorkerThread)) {
                    alive.add(describe(t));
                }
            } else {
                alive.add(describe(t));
            }
        }
        leaked = List.copyOf(alive);
        poolsShutDown = List.copyOf(shut);
        java.util.concurrent.CountDownLatch gate = joinGate;
        if (gate != null) {
            gate.countDown();
        }
    }

    private static String describe(Thread t) {
        return (t.isVirtual() ? "virtual thread " : "thread ") + "\"" + t.getName() + "\" (" + t.getState() + ")";
    }

    private static boolean isCommonPoolWorker(Thread t) {
        return t instanceof ForkJoinWorkerThread fj && fj.getPool() == ForkJoinPool.commonPool();
    }

    @Override
    public void close() {
        Rendezvous r = rendezvous;
        if (r != null) {
            r.release();
        }
        releaseStages();
        java.util.concurrent.CountDownLatch gate = joinGate;
        if (gate != null) {
            gate.countDown();
        }
        Recorder.end(this);
    }

    private void releaseStages() {
        for (StageState s : stages.values()) {
            Rendezvous held = s.rendezvous;
            if (held != null) {
                held.release();
            }
        }
    }

    private Map<String, Evidence.StageEvidence> stageEvidence() {
        Map<String, Evidence.StageEvidence> out = new LinkedHashMap<>();
        stages.forEach((name, s) -> {
            Map<String, Integer> byKind = new LinkedHashMap<>();
            Map<String, Integer> threadsByKind = new LinkedHashMap<>();
            s.callsByThread.forEach((k, n) -> {
                String kind = kindOf(k.thread(), caller, started.get(k)).id();
                byKind.merge(kind, n.get(), Integer::sum);
                threadsByKind.merge(kind, 1, Integer::sum);
            });
            Rendezvous r = s.rendezvous != null ? s.rendezvous : s.heldElsewhere;
            out.put(name, new Evidence.StageEvidence(s.calls.get(), s.peak.get(), byKind, threadsByKind,
                    s.callsByThread.size(), r == null ? null : r.result()));
        });
        return out;
    }

    /** {@return what this episode showed} */
    public Evidence evidence() {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        callsByThread.forEach((k, n) -> {
            Thread t = k.thread();
            ThreadKind kind = kindOf(t, caller, started.get(k));
            byKind.merge(kind.id(), n.get(), Integer::sum);
            if (names.size() < 8) {
                names.add(threadName(t));
            }
        });
        int platform = 0;
        int virtual = 0;
        for (StartedThread s : started.values()) {
            if (s.thread().isVirtual()) {
                virtual++;
            } else if (!isCommonPoolWorker(s.thread())) {
                platform++;
            }
        }
        List<Evidence.PoolSeen> poolsSeen = new ArrayList<>();
        List<Boolean> shut = poolsShutDown;
        int i = 0;
        for (PoolRecord p : pools) {
            boolean isShut = i < shut.size() ? shut.get(i) : true;
            poolsSeen.add(new Evidence.PoolSeen(p.kind(), p.core(), p.max(), isShut, p.site()));
            i++;
        }
        List<Evidence.CallSpan> spans = new ArrayList<>();
        for (CallRecord c : timeline) {
            spans.add(new Evidence.CallSpan(threadName(c.thread()), kindOf(c.thread(), caller, started.get(ThreadKey.of(c.thread()))).id(),
                    (c.start() - startNanos) / 1_000, (c.end() - startNanos) / 1_000, c.async()));
        }
        spans.sort(java.util.Comparator.comparingLong(Evidence.CallSpan::startMicros));
        Rendezvous r = rendezvous != null ? rendezvous : heldElsewhere;
        return new Evidence(exercise, scenario, callLabel, tasks, limitName, limit,
                Runtime.getRuntime().availableProcessors(), caller.getName(), outcome, thrown,
                calls.get(), asyncCalls.get(), peak.get(),
                r == null ? null : r.result(), byKind, callsByThread.size(), names,
                platform, virtual, poolsSeen, List.copyOf(processes), leaked, List.copyOf(waits),
                callSite, startSite, spans, Map.copyOf(counters), stageEvidence());
    }

    private static String threadName(Thread t) {
        return t.getName().isEmpty() ? (t.isVirtual() ? "virtual#" : "thread#") + t.threadId() : t.getName();
    }

    // ---- events from the Recorder ----

    void threadStarted(Thread t) {
        if (t.getClass().getName().startsWith("jdk.internal.") || started.containsKey(ThreadKey.of(t))) {
            return;
        }
        Optional<LearnerCode.Start> start = LearnerCode.startCulprit();
        if (start.isEmpty()) {
            return;
        }
        LearnerCode.Start how = start.get();
        boolean first = started.putIfAbsent(ThreadKey.of(t), new StartedThread(t, how.poolWorker(), how.managed(), how.site())) == null;
        if (first && startSite == null && !isCommonPoolWorker(t)) {
            startSite = how.site();
        }
        if (first && watchThreadApi && !isCommonPoolWorker(t)) {
            count(how.managed() ? Counts.ThreadApi.EXECUTOR_STARTS : Counts.ThreadApi.THREAD_API_STARTS, 1);
        }
    }

    /** The current thread entered {@code Thread.sleep} or {@code Thread.join}: only the caller's own count. */
    void threadWaiting(String how) {
        if (!watchThreadApi || Thread.currentThread() != caller || LearnerCode.culprit().isEmpty()) {
            return;
        }
        if ("sleep".equals(how)) {
            count(Counts.ThreadApi.CALLER_SLEEPS, 1);
        } else if ("join".equals(how)) {
            atLeast(Counts.ThreadApi.CALLER_JOINED, 1);
            java.util.concurrent.CountDownLatch gate = joinGate;
            if (gate != null) {
                gate.countDown();
            }
        }
    }

    void poolCreated(Object pool, String kind, int core, int max) {
        LearnerCode.culprit().ifPresent(site -> pools.add(new PoolRecord(pool, kind, core, max, site)));
    }

    void processStarting(String[] command) {
        Site site = LearnerCode.culprit().or(LearnerCode::nearestLearnerFrame).orElse(null);
        processes.add(new Evidence.ProcessSeen(Arrays.asList(command), site));
    }

    void kernelEnter(String kernel) {
        kernelCalls.get().push(enterCall(false, kernel));
    }

    void kernelExit(String kernel) {
        Call call = kernelCalls.get().poll();
        if (call != null) {
            exitCall(call);
        }
    }

    /** {@return how many watched calls have begun so far (on the learner's thread, before any byte is sent)} */
    public int callsBegun() {
        return calls.get();
    }

    /** {@return how many watched calls have ended so far (returned, thrown or, for an asynchronous one, completed)} */
    public int callsEnded() {
        return exited.get();
    }

    /**
     * {@return the threads whose states say whether the learner's code can still make progress: the caller, the
     * threads the learner's code started (those waiting for their turn included) and those that made watched calls}
     */
    public java.util.Set<Thread> learnerThreads() {
        // By identity: a learner's Thread subclass may override hashCode and equals.
        java.util.Set<Thread> threads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        started.keySet().forEach(k -> threads.add(k.thread()));
        callsByThread.keySet().forEach(k -> threads.add(k.thread()));
        threads.add(caller);
        return threads;
    }

    /** Notes where the learner's threads wait: called when a rendezvous gives up. */
    public void recordWaits() {
        var mx = ManagementFactory.getThreadMXBean();
        java.util.Set<Long> interesting = new java.util.HashSet<>();
        interesting.add(caller.threadId());
        started.keySet().forEach(k -> interesting.add(k.thread().threadId()));
        callsByThread.keySet().forEach(k -> interesting.add(k.thread().threadId()));
        long self = Thread.currentThread().threadId();
        for (ThreadInfo info : mx.dumpAllThreads(true, false)) {
            if (info == null || info.getThreadId() == self || !interesting.contains(info.getThreadId())) {
                continue;
            }
            Thread.State state = info.getThreadState();
            if (state == Thread.State.RUNNABLE || state == Thread.State.TERMINATED) {
                continue;
            }
            StackTraceElement[] stack = info.getStackTrace();
            Site site = null;
            String waitingIn = null;
            for (StackTraceElement e : stack) {
                if (waitingIn == null && !e.getClassName().startsWith("jdk.internal.misc.")
                        && !e.getClassName().startsWith("java.util.concurrent.locks.")) {
                    waitingIn = e.getClassName() + "." + e.getMethodName();
                }
                if (LearnerCode.isLearner(e.getClassName())) {
                    site = new Site(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber());
                    break;
                }
            }
            if (site == null) {
                continue;
            }
            waits.add(new Evidence.ThreadWait(info.getThreadName(), state.name(), waitingIn,
                    info.getLockName(), info.getLockOwnerName(), site));
        }
    }

    /** {@return the kind of {@code t}: the caller, virtual, a pool's worker, one the learner started, or other} */
    private static ThreadKind kindOf(Thread t, Thread caller, StartedThread started) {
        if (t == caller) {
            return ThreadKind.CALLER;
        }
        if (t.isVirtual()) {
            return ThreadKind.VIRTUAL;
        }
        if (t instanceof ForkJoinWorkerThread fj) {
            return fj.getPool() == ForkJoinPool.commonPool() ? ThreadKind.COMMON_POOL : ThreadKind.FORK_JOIN_POOL;
        }
        if (started != null) {
            return started.poolWorker() ? ThreadKind.POOL_WORKER : ThreadKind.PLATFORM;
        }
        return ThreadKind.OTHER;
    }
}
