package grader.verdict;

import static grader.verdict.ModelRules.count;
import static grader.verdict.ModelRules.plural;
import static grader.verdict.ModelRules.processorsNote;

import grader.values.Evidence;
import grader.values.Site;
import grader.values.ThreadKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule book's concerns after the model: how the model that ran was used. Its pool (one that cannot grow, one far
 * below the limit), isolation (child processes killed, bounded, gone), the size of the threads that do the work, the
 * bounds on the calls in flight, and cleanup. {@link #CONCERNS} is their order; each concern's rules are in order too.
 * A rule here keeps the model the model rules saw, and names the flaw found on it.
 */
final class UseRules {
    private UseRules() {}

    /** What the rules of a model's use read: one observation's evidence, the verdict of the model rules, and the spec. */
    record Use(Evidence e, Judged model, ExerciseSpec spec) {
        /** {@return the id of the model rule that applied first: a model, or a flaw that hides one} */
        VerdictId first() {
            return model.id();
        }

        /** {@return the model the evidence shows} */
        VerdictId observed() {
            return model.model();
        }

        /** {@return whether the model rule's id would earn points: a taught or a warned model} */
        boolean taught(ExerciseSpec spec) {
            return model.earns(spec);
        }

        boolean firstIsPool() {
            return first() == VerdictId.FIXED_POOL || first() == VerdictId.FORK_JOIN_POOL;
        }
    }

    // ---- pool: checked whatever the model, since the pool is the mistake to name ----

    /** A pool made with core size 0 and a maximum above 1 (not unbounded): its queue keeps it at one worker. */
    private static Optional<Evidence.PoolSeen> stuckPool(Evidence e) {
        return e.pools().stream().filter(p -> "tpe".equals(p.kind()) && p.core() == 0
                && p.max() > 1 && p.max() != Integer.MAX_VALUE).findFirst();
    }

    /** A bounded pool with at most a quarter of the threads the limit allows: far below it. */
    private static Optional<Evidence.PoolSeen> smallPool(ExerciseSpec spec, Evidence e) {
        return e.pools().stream().filter(p -> spec.poolSize() == PoolSize.LIMIT && p.max() != Integer.MAX_VALUE
                && p.max() * 4 <= Math.min(e.limit(), e.tasks())).findFirst();
    }

    static final List<Rule<Use>> POOL_RULES = List.of(
            Rule.flaw(VerdictId.POOL_NEVER_GROWS, "a `ThreadPoolExecutor` of core size 0 (and so one worker) made every call",
                    Words.of("A ThreadPoolExecutor starts threads beyond its core size only when its queue is full; with"
                            + " core size 0 and an unbounded queue it never is, so one thread does all the work."),
                    Words.of("Use Executors.newFixedThreadPool(n), or give the ThreadPoolExecutor a core size of n."),
                    // One worker making every call looks serialized; the pool that kept it to one is the mistake to name.
                    (u, s) -> stuckPool(u.e()).isPresent() && (u.observed() == VerdictId.FIXED_POOL || u.observed() == VerdictId.SERIALIZED)
                            && u.e().callsOn(ThreadKind.POOL_WORKER) == u.e().calls() && u.e().distinctThreads() <= 1 && u.e().calls() > 1,
                    (u, s) -> {
                        Evidence e = u.e();
                        Evidence.PoolSeen p = stuckPool(e).orElseThrow();
                        return "Your pool may have up to " + count(p.max(), "thread")
                                + " but keeps none (core size 0), so its queue takes every task and it never grows past 1: all "
                                + count(e.calls(), e.callLabel()) + " ran on " + count(e.distinctThreads(), "thread") + ", at most "
                                + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").";
                    },
                    u -> stuckPool(u.e()).orElseThrow().site()),
            Rule.flaw(VerdictId.SMALL_POOL, "a bounded pool with at most a quarter of the cap's threads (where the spec words"
                            + " `small-pool`: a pool sized for CPU work made to wait on the network)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    // Elsewhere a pool far below the limit stays a pool of the wrong size (the size rules).
                    (u, s) -> smallPool(s, u.e()).isPresent() && s.feedback().containsKey(VerdictId.SMALL_POOL.id()) && u.firstIsPool(),
                    (u, s) -> {
                        Evidence e = u.e();
                        Evidence.PoolSeen p = smallPool(s, e).orElseThrow();
                        return "Your pool has " + count(p.max(), "thread") + " for " + e.limitName() + " = "
                                + e.limit() + ": at most " + e.peakOverlap() + " of " + count(e.tasks(), e.callLabel())
                                + " were in flight at once, while " + Math.min(e.limit(), e.tasks()) + " were allowed.";
                    },
                    u -> smallPool(u.spec(), u.e()).orElseThrow().site()));

    static final Concern<Use> POOL = new Concern<>("pool",
            "First, for any model: a pool of core size 0 has a size that looks right (so before the size rules), and one"
                    + " worker making every call looks serialized (so whatever model the calls showed).",
            (u, s) -> true, POOL_RULES,
            // pool-never-grows names the pool behind calls that looked serialized
            (u, s, r) -> u.observed() == VerdictId.SERIALIZED ? VerdictId.FIXED_POOL : u.observed(), Use::e);

    // ---- isolation: child processes are the model (the processes exercise) ----

    /** A thread waiting for a child says more than the caller waiting for that thread: it comes first. */
    private static Optional<Evidence.ThreadWait> childWait(Evidence e) {
        return e.waits().stream().filter(w -> !w.thread().equals(e.callerThread())).findFirst()
                .or(() -> e.waits().stream().findFirst());
    }

    private static Site waitSite(Use u) {
        return childWait(u.e()).map(Evidence.ThreadWait::site).orElse(u.model().site());
    }

    /** " 1 thread of yours was waiting in Process.waitFor() (...)": who was waiting when the call was given up. */
    private static String waiting(Evidence e) {
        Optional<Evidence.ThreadWait> wait = childWait(e);
        long inWaitFor = e.childProcesses().stuckInWaitFor();
        return inWaitFor > 0
                ? " " + (inWaitFor == 1 ? "1 thread of yours was" : inWaitFor + " threads of yours were") + " waiting in Process.waitFor()"
                        + wait.map(w -> " (\"" + w.thread() + "\" at " + w.site() + ")").orElse("") + "."
                : wait.map(w -> " Your thread \"" + w.thread() + "\" was " + w.state()
                        + (w.waitingIn() == null ? "" : " in " + w.waitingIn()) + " at " + w.site() + ".").orElse("");
    }

    /** The most a pipe can hold on Linux ({@code /proc/sys/fs/pipe-max-size} default): a writer stalled beyond it was read. */
    static final long PIPE_MAX_BYTES = 1 << 20;

    static final Words POLITE_KILL_BECAUSE = Words.NOT_TAUGHT;
    static final Words POLITE_KILL_HINT = Words.USE_INSTEAD;

    /** The counters these rules read are recorded by the processes check only (absent elsewhere: no flaw). */
    static final List<Rule<Use>> GIVEN_UP_RULES = List.of(
            Rule.flaw(VerdictId.PIPE_DEADLOCK, "a child whose output stopped short of its total with no platform thread of the"
                            + " learner reading it, when the call was given up (20 s)",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    // A full pipe holds 64 KiB on Linux by default and at most 1 MiB (fs.pipe-max-size): a flood stalled
                    // beyond that was being read, however slowly, so it is no deadlock (a virtual thread reading is not
                    // in a thread dump).
                    (u, s) -> u.e().childProcesses().runAllStuck() > 0 && u.e().childProcesses().stuckFlooders() > 0
                            && u.e().childProcesses().stuckReadingOutput() == 0 && u.e().childProcesses().stuckFloodWritten() <= PIPE_MAX_BYTES,
                    (u, s) -> {
                        Evidence e = u.e();
                        return "Your method never returned: " + count((int) e.childProcesses().stuckFlooders(), "child", "children")
                                + " that print" + (e.childProcesses().stuckFlooders() == 1 ? "s " : " ") + e.childProcesses().stuckFloodTotal()
                                + " bytes stopped after writing " + e.childProcesses().stuckFloodWritten() + " (a full pipe) and stayed alive."
                                + waiting(e);
                    },
                    UseRules::waitSite),
            Rule.flaw(VerdictId.POLITE_KILL_ONLY, "a job whose shutdown hook never returns told the hub SIGTERM reached it"
                            + " (`Process.destroy()`), and it was still alive when the call was given up (20 s) or when it returned",
                    POLITE_KILL_BECAUSE, POLITE_KILL_HINT,
                    // Before no-kill: a runner that sent the polite stop did try to kill; what it lacks is the kill no
                    // child can ignore.
                    (u, s) -> u.e().childProcesses().runAllStuck() > 0 && u.e().childProcesses().stuckIgnoredTerm() > 0,
                    (u, s) -> {
                        Evidence e = u.e();
                        long ignored = e.childProcesses().stuckIgnoredTerm();
                        return "Your method never returned: "
                                + count((int) ignored, "child process that never ends was", "child processes that never end were")
                                + " sent only the polite stop (SIGTERM, what Process.destroy() sends), ignored it (a shutdown hook that"
                                + " never returns), and " + (ignored == 1 ? "was" : "were") + " still alive long after the timeout"
                                + (e.childProcesses().stuckChildrenAlive() > ignored ? " (" + count((int) e.childProcesses().stuckChildrenAlive(),
                                "child process", "child processes") + " alive in all)" : "") + "." + waiting(e);
                    },
                    UseRules::waitSite),
            Rule.flaw(VerdictId.NO_KILL, "a never-ending job still alive when the call was given up",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().childProcesses().runAllStuck() > 0 && u.e().childProcesses().stuckSleepers() > 0,
                    (u, s) -> {
                        Evidence e = u.e();
                        long alive = e.childProcesses().stuckChildrenAlive();
                        return "Your method never returned: " + count((int) alive, "child process", "child processes")
                                + " still alive long after the timeout (" + count((int) e.childProcesses().stuckSleepers(), "job")
                                + " that never end" + (e.childProcesses().stuckSleepers() == 1 ? "s" : "") + ")." + waiting(e);
                    },
                    UseRules::waitSite));

    static final List<Rule<Use>> PROCESS_BOUND_RULES = List.of(
            Rule.flaw(VerdictId.UNBOUNDED_PROCESSES, "more than `maxProcesses` children alive at once",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().childProcesses().peak() > u.e().limit(),
                    (u, s) -> "Up to " + u.e().childProcesses().peak() + " child JVMs were alive at once for "
                            + count(u.e().tasks(), u.e().callLabel()) + ", but " + u.e().limitName() + " = " + u.e().limit() + ".",
                    u -> u.model().site()),
            Rule.flaw(VerdictId.UNDER_LIMIT, "fewer children alive at once than `maxProcesses` allows, and the hold never saw"
                            + " that many",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().childProcesses().holdTarget() > 0 && u.e().childProcesses().holdReached() == 0
                            && u.e().childProcesses().peak() < Math.min(u.e().limit(), u.e().tasks()),
                    (u, s) -> "At most " + u.e().childProcesses().peak() + " child JVMs ran at once, but "
                            + u.e().limitName() + " = " + u.e().limit() + " allows " + Math.min(u.e().limit(), u.e().tasks()) + ".",
                    u -> u.model().site()));

    static final List<Rule<Use>> PROCESS_CLEANUP_RULES = List.of(
            Rule.flaw(VerdictId.POLITE_KILL_ONLY, "children alive at return that were sent only SIGTERM (`Process.destroy()`)"
                            + " and ignored it",
                    POLITE_KILL_BECAUSE, POLITE_KILL_HINT,
                    // Before leaked-processes: children left alive because they ignored the polite stop have a truer name.
                    (u, s) -> u.e().childProcesses().aliveAtReturn() > 0 && u.e().childProcesses().aliveAfterPoliteStop() > 0,
                    (u, s) -> {
                        long ignored = u.e().childProcesses().aliveAfterPoliteStop();
                        return u.model().summary() + " But "
                                + count((int) ignored, "child process that never ends was", "child processes that never end were")
                                + " sent only the polite stop (SIGTERM, what Process.destroy() sends), ignored it (a shutdown hook that never"
                                + " returns), and " + (ignored == 1 ? "was" : "were") + " still alive when your method returned.";
                    },
                    u -> u.model().site()),
            Rule.flaw(VerdictId.LEAKED_PROCESSES, "children alive after return",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().childProcesses().aliveAtReturn() > 0,
                    (u, s) -> u.model().summary() + " But " + count((int) u.e().childProcesses().aliveAtReturn(),
                            "child process was", "child processes were") + " still alive when your method returned.",
                    u -> u.model().site()));

    /** Isolation is judged only where child processes are a model the exercise teaches (or warns about). */
    private static boolean isolating(Use u, ExerciseSpec s) {
        return u.taught(s) && u.first() == VerdictId.PROCESSES;
    }

    static final Concern<Use> GIVEN_UP = new Concern<>("isolation: a call given up",
            "Before the bounds: a call that never returned is judged by what was alive then. A child blocked on its"
                    + " output pipe says most, then a child that got the polite stop and ignored it (the runner did try"
                    + " to kill), then a child never stopped at all.",
            UseRules::isolating, GIVEN_UP_RULES, (u, s, r) -> u.observed(), Use::e);
    static final Concern<Use> PROCESS_BOUND = new Concern<>("isolation: bounds",
            "Too many children at once before too few.",
            UseRules::isolating, PROCESS_BOUND_RULES, (u, s, r) -> u.observed(), Use::e);
    static final Concern<Use> PROCESS_CLEANUP = new Concern<>("isolation: cleanup",
            "Children left alive because they ignored the polite stop have a truer name than leaked ones.",
            UseRules::isolating, PROCESS_CLEANUP_RULES, (u, s, r) -> u.observed(), Use::e);

    // ---- size: the threads that could do the work ----

    /** The models a caller can share the work with. */
    private static final Set<VerdictId> CALLER_SHARES_WITH = Set.of(VerdictId.FIXED_POOL, VerdictId.FORK_JOIN_POOL,
            VerdictId.VIRTUAL_THREADS, VerdictId.THREAD_PER_TASK, VerdictId.EXECUTOR);

    /** Platform threads the code started for work sized to the cores, with no pool: counted against the cores. */
    private static boolean coresWithoutPool(Use u, ExerciseSpec s) {
        return s.poolSize() == PoolSize.CORES && u.observed() == VerdictId.FIXED_POOL && u.e().pools().isEmpty()
                && u.e().callsOn(ThreadKind.PLATFORM) > 0;
    }

    private static Site startOrCall(Evidence e) {
        return e.startSite() != null ? e.startSite() : e.callSite();
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

    private static Optional<Evidence.PoolSeen> wrongSize(ExerciseSpec spec, Evidence e) {
        return e.pools().stream().filter(p -> !sizeFits(spec, e, p)).findFirst();
    }

    static final List<Rule<Use>> SIZE_RULES = List.of(
            Rule.flaw(VerdictId.CALLER_DOES_WORK, "the caller made some watched calls itself while threads made the rest (a"
                            + " parallel stream's caller excepted)",
                    Words.of("While your own thread does part of the work, it is not waiting for the results, and its"
                            + " share is not bounded by the pool: the work is split between two models at once."),
                    Words.of("Submit every item to the threads, and let your own thread only wait for the results."),
                    // Asynchronous sends are all made by the caller: not this. Nor where the watched calls are reads of
                    // shared input (the lock exercise counts each line read): a caller that reads lines to split them
                    // among the workers (the reference solution does) does none of the counting.
                    (u, s) -> CALLER_SHARES_WITH.contains(u.observed()) && !s.sharedState() && u.e().asyncCalls() == 0
                            && u.e().callsOn(ThreadKind.CALLER) > 0 && u.e().callsOn(ThreadKind.CALLER) < u.e().calls(),
                    (u, s) -> {
                        Evidence e = u.e();
                        return "Your own thread \"" + e.callerThread() + "\" made "
                                + e.callsOn(ThreadKind.CALLER) + " of the " + count(e.calls(), e.callLabel()) + " itself, while "
                                + count(e.distinctThreads() - 1, "other thread") + " made the other " + (e.calls() - e.callsOn(ThreadKind.CALLER))
                                + ", at most " + e.peakOverlap() + " at once (" + e.limitName() + " = " + e.limit() + ").";
                    },
                    u -> u.e().callSite()),
            // Work sized to the cores: the threads that could do it must fit the cores. Platform threads started
            // without a pool are counted here (peak overlap cannot tell on a machine with few cores); a pool's size below.
            Rule.flaw(VerdictId.TOO_FEW_THREADS, "platform threads started without a pool, fewer than the cores (counted: the"
                            + " peak cannot tell on a 2-core machine)",
                    Words.FEW_THREADS, Words.SIZE_TO_CORES,
                    (u, s) -> coresWithoutPool(u, s) && u.e().platformStarts() < u.e().availableProcessors() - 1,
                    (u, s) -> {
                        Evidence e = u.e();
                        int cores = e.availableProcessors();
                        int started = e.platformStarts();
                        return "Your code started " + count(started, "platform thread")
                                + " for " + count(e.calls(), e.callLabel()) + ", but availableProcessors() = " + cores + ": at most "
                                + started + " of the " + cores + " cores can work at once, and the other " + (cores - started)
                                + " sit idle." + processorsNote(cores);
                    },
                    u -> startOrCall(u.e())),
            Rule.flaw(VerdictId.POOL_SIZE_OFF_CORES, "the threads follow the cores but are a multiple of them (twice the"
                            + " cores), or more platform threads than the cores were started without a pool",
                    Words.BEYOND_CORES, Words.SIZE_TO_CORES,
                    (u, s) -> coresWithoutPool(u, s) && u.e().platformStarts() > u.e().availableProcessors() + 1,
                    (u, s) -> {
                        Evidence e = u.e();
                        int cores = e.availableProcessors();
                        return "Your code started " + count(e.platformStarts(), "platform thread")
                                + " for " + count(e.calls(), e.callLabel()) + ", but availableProcessors() = " + cores
                                + ": the threads beyond the cores only take turns on them." + processorsNote(cores);
                    },
                    u -> startOrCall(u.e())),
            // A pool's size is decided where it is created, so it is checked before the overlap it allowed (the bounds).
            // What the wrong size follows is named from every observation at once: SIZE_NAMES.
            Rule.flaw(VerdictId.HARD_CODED_POOL_SIZE, "the pool's size follows neither `maxWorkers` nor the cores (the same"
                            + " size for both limits says \"hard-coded\")",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> wrongSize(s, u.e()).isPresent() && u.firstIsPool(),
                    (u, s) -> {
                        Evidence.PoolSeen p = wrongSize(s, u.e()).orElseThrow();
                        return "Your pool has " + p.max() + " threads, but " + u.e().limitName() + " = " + u.e().limit() + ".";
                    },
                    u -> wrongSize(u.spec(), u.e()).orElseThrow().site()));

    static final Concern<Use> SIZE = new Concern<>("size",
            "After isolation, for a taught or warned model only (a wrong model is mistake enough). A caller that does part"
                    + " of the work is a second model beside the first, and says more than how many threads the first had;"
                    + " threads are counted before a pool's size; sizes come before the bounds, since a size is decided"
                    + " where the pool is made and the overlap only follows from it.",
            (u, s) -> u.taught(s), SIZE_RULES, (u, s, r) -> u.observed(), Use::e);

    // ---- bounds: how many calls were in flight at once, against the limit ----

    static final List<Rule<Use>> BOUND_RULES = List.of(
            Rule.flaw(VerdictId.OVER_LIMIT, "more requests in flight than the bound (`maxWorkers`, `maxInFlight`) allows",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().peakOverlap() > u.e().limit(),
                    (u, s) -> "Up to " + u.e().peakOverlap() + " " + plural(u.e().callLabel()) + " were in flight at once, but "
                            + u.e().limitName() + " = " + u.e().limit() + "." + ModelRules.poolNote(u.e()),
                    u -> u.model().site()),
            Rule.flaw(VerdictId.UNDER_LIMIT, "fewer requests in flight than the bound (`maxWorkers`, `maxInFlight`) allows, and the hold never saw that many",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().rendezvous() != null && !u.e().rendezvous().reached()
                            && u.e().peakOverlap() < Math.min(u.e().limit(), u.e().tasks()),
                    (u, s) -> "At most " + u.e().peakOverlap() + " " + plural(u.e().callLabel()) + " were in flight at once, but "
                            + u.e().limitName() + " = " + u.e().limit() + " allows " + Math.min(u.e().limit(), u.e().tasks()) + ".",
                    u -> u.model().site()),
            // The cap was kept and reached, yet a finished request made no room for the next: batches of the limit, each
            // joined before the next is sent. Only the crawl check's sliding-window probe records these counters; a
            // probe that could not decide (its safety net ran out, or the call ended first) records none: no flaw.
            Rule.flaw(VerdictId.IN_BATCHES, "the cap was reached, but when the probe let the held responses through one at a"
                            + " time, none made room for a new request: after each, every learner thread was waiting (thread"
                            + " states) and no request came, until the whole batch had answered",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (u, s) -> u.e().window().batches() > 0 && u.e().peakOverlap() <= u.e().limit(),
                    (u, s) -> inBatches(u.e()),
                    u -> u.model().site()));

    static final Concern<Use> BOUND = new Concern<>("bounds",
            "After the size, for a taught or warned model whose pool follows the limit. Over the limit before under it;"
                    + " batches last, since they keep the cap and reach it.",
            (u, s) -> u.taught(s) && s.poolSize() == PoolSize.LIMIT, BOUND_RULES, (u, s, r) -> u.observed(), Use::e);

    // ---- cleanup: nothing of the learner's is left running ----

    /** "1 pool you created was never shut down; 2 threads still alive after the method returned (a, b)". */
    static String leaks(Evidence e) {
        List<Evidence.PoolSeen> open = e.pools().stream().filter(p -> !p.shutDown()).toList();
        String what = open.isEmpty() ? "" : count(open.size(), "pool") + " you created " + (open.size() == 1 ? "was" : "were")
                + " never shut down";
        String threads = e.leakedThreads().isEmpty() ? "" : (what.isEmpty() ? "" : "; ")
                + count(e.leakedThreads().size(), "thread") + " still alive after the method returned ("
                + String.join(", ", e.leakedThreads().subList(0, Math.min(3, e.leakedThreads().size())))
                + (e.leakedThreads().size() > 3 ? ", ..." : "") + ")";
        return what + threads;
    }

    static boolean leaked(Evidence e) {
        return e.pools().stream().anyMatch(p -> !p.shutDown()) || !e.leakedThreads().isEmpty();
    }

    static Site leakSite(Evidence e) {
        return e.pools().stream().filter(p -> !p.shutDown()).map(Evidence.PoolSeen::site).findFirst().orElse(e.startSite());
    }

    static final Words LEAKED_BECAUSE = Words.NOT_TAUGHT;
    static final Words LEAKED_HINT = Words.USE_INSTEAD;

    static final List<Rule<Use>> CLEANUP_RULES = List.of(
            Rule.flaw(VerdictId.LEAKED_THREADS, "a pool never shut down, or a learner thread alive after return",
                    LEAKED_BECAUSE, LEAKED_HINT,
                    (u, s) -> leaked(u.e()),
                    (u, s) -> u.model().summary() + " But " + leaks(u.e()) + ".",
                    u -> leakSite(u.e())));

    static final Concern<Use> CLEANUP = new Concern<>("cleanup",
            "Last, for a taught or warned model: what was left running says least about how the work was done.",
            (u, s) -> u.taught(s), CLEANUP_RULES, (u, s, r) -> u.observed(), Use::e);

    /** The concerns of a model's use, in the order they are asked; the first flaw found decides. */
    static final List<Concern<Use>> CONCERNS = List.of(POOL, GIVEN_UP, PROCESS_BOUND, PROCESS_CLEANUP, SIZE, BOUND, CLEANUP);

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

    // ---- size names: what a wrong size follows, from every observation ----

    /** One observation's first pool: its size, the bound and the items it was made for, and the cores. */
    record SeenPool(int size, int limit, int tasks, int cores) {}

    /**
     * What the size-name rules read: the verdicts of every observation (their first pools) and the decisive one, a
     * wrong size. One observation cannot tell a constant from a multiple of the cores: a multiple is named as one.
     */
    record Sizes(List<Judged> judged, Judged decisive) {
        List<SeenPool> seen() {
            List<SeenPool> seen = new ArrayList<>();
            for (Judged j : judged) {
                Evidence e = j.evidence();
                e.pools().stream().findFirst().ifPresent(p -> seen.add(new SeenPool(p.max(), e.limit(), e.tasks(), e.availableProcessors())));
            }
            return seen;
        }

        String bound() {
            return judged.get(0).evidence().limitName();
        }

        String should(ExerciseSpec spec) {
            return spec.poolSize() == PoolSize.LIMIT ? " It should follow " + bound() + "."
                    : " It should follow the cores (availableProcessors()).";
        }

        boolean severalBounds() {
            return seen().stream().map(SeenPool::limit).distinct().count() > 1;
        }

        /** The same size for several bounds: hard-coded. */
        boolean oneSizeForAll() {
            return !seen().isEmpty() && severalBounds() && seen().stream().map(SeenPool::size).distinct().count() == 1;
        }

        /** "Your pool had 5 threads for maxWorkers = 3 and 5 threads for maxWorkers = 8." */
        String pools() {
            Set<String> parts = new LinkedHashSet<>();
            for (Judged j : judged) {
                Evidence e = j.evidence();
                e.pools().stream().findFirst().ifPresent(p -> parts.add(p.max() + " threads for " + e.limitName() + " = " + e.limit()));
            }
            return "Your pool had " + String.join(" and ", parts) + ".";
        }

        /** The one offset of the size from the bound across several bounds, if there is one. */
        Optional<Integer> offset() {
            List<SeenPool> seen = seen();
            return severalBounds() && seen.stream().map(x -> x.size() - x.limit()).distinct().count() == 1
                    ? Optional.of(seen.get(0).size() - seen.get(0).limit()) : Optional.empty();
        }

        /** The one factor of the size over the bound across several bounds, if there is one. */
        Optional<Integer> factor() {
            List<SeenPool> seen = seen();
            return severalBounds() && seen.stream().allMatch(x -> x.limit() > 0 && x.size() % x.limit() == 0)
                    && seen.stream().map(x -> x.size() / x.limit()).distinct().count() == 1
                    ? Optional.of(seen.get(0).size() / seen.get(0).limit()) : Optional.empty();
        }
    }

    static final List<Rule<Sizes>> SIZE_NAME_RULES = List.of(
            Rule.flaw(VerdictId.POOL_SIZE_FOLLOWS_TASKS, "the pool's size follows the number of items (one thread per item)",
                    Words.of("One thread per item is no bound at all: the limit you are given, not the number of"
                            + " items, decides how many threads work at once."),
                    Words.MATCH_LIMIT,
                    (z, s) -> {
                        List<SeenPool> seen = z.seen();
                        int expected = s.poolSize() == PoolSize.LIMIT ? seen.isEmpty() ? 0 : seen.get(0).limit()
                                : seen.isEmpty() ? 0 : seen.get(0).cores();
                        return !seen.isEmpty() && seen.stream().allMatch(x -> x.size() == x.tasks()) && seen.get(0).size() != expected;
                    },
                    (z, s) -> z.pools() + " It follows the number of items: one thread per item." + z.should(s),
                    z -> z.decisive().site()),
            // The same size for several bounds is hard-coded (the last rule), whatever else that size might be.
            Rule.flaw(VerdictId.POOL_SIZE_OFF_LIMIT, "the pool's size follows `maxWorkers` but is off by a constant or a factor"
                            + " (`maxWorkers + 3`, twice it)",
                    Words.of("The limit you are given is the number of workers allowed: a pool that follows it"
                            + " but adds to it, or multiplies it, breaks it."),
                    Words.MATCH_LIMIT,
                    (z, s) -> s.poolSize() == PoolSize.LIMIT && !z.oneSizeForAll() && (z.offset().isPresent() || z.factor().isPresent()),
                    (z, s) -> {
                        String bound = z.bound();
                        if (z.offset().isPresent()) {
                            int d = z.offset().get();
                            return z.pools() + " It follows " + bound + " but is " + Math.abs(d) + (d > 0 ? " more" : " fewer")
                                    + " than it (" + bound + (d > 0 ? " + " : " - ") + Math.abs(d) + ")." + z.should(s);
                        }
                        return z.pools() + " It follows " + bound + " but is " + z.factor().get() + " times it." + z.should(s);
                    },
                    z -> z.decisive().site()),
            Rule.flaw(VerdictId.POOL_SIZE_OFF_CORES, "the threads follow the cores but are a multiple of them (twice the"
                            + " cores), or more platform threads than the cores were started without a pool",
                    Words.BEYOND_CORES, Words.SIZE_TO_CORES,
                    (z, s) -> {
                        List<SeenPool> seen = z.seen();
                        return s.poolSize() == PoolSize.CORES && !seen.isEmpty() && !z.oneSizeForAll()
                                && seen.stream().allMatch(x -> x.size() > x.cores() && x.size() % x.cores() == 0)
                                && seen.stream().map(x -> x.size() / x.cores()).distinct().count() == 1;
                    },
                    (z, s) -> z.pools() + " It follows the cores but is " + z.seen().get(0).size() / z.seen().get(0).cores()
                            + " times them: the threads beyond the cores only take turns on them." + z.should(s),
                    z -> z.decisive().site()),
            Rule.flaw(VerdictId.HARD_CODED_POOL_SIZE, "the pool's size follows neither `maxWorkers` nor the cores (the same"
                            + " size for both limits says \"hard-coded\")",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (z, s) -> true,
                    (z, s) -> z.pools() + (z.oneSizeForAll() ? " Its size stays the same whatever the limit: it is hard-coded."
                            : " Its size does not follow " + z.bound() + ".") + z.should(s),
                    z -> z.decisive().site()));

    static final Concern<Sizes> SIZE_NAMES = new Concern<>("size names",
            "Asked only when a wrong pool size decides, across every observation: what the size follows (the items, the"
                    + " bound off by a constant or a factor, the cores times a factor) before \"hard-coded\", which is"
                    + " what is left, and what a size the same for every bound is.",
            (z, s) -> true, SIZE_NAME_RULES, (z, s, r) -> z.decisive().model(), z -> z.decisive().evidence());
}
