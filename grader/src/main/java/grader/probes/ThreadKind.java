package grader.probes;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/** What kind of thread ran a watched call: the evidence vocabulary of DESIGN.md section 4. */
public enum ThreadKind {
    /** The thread that called the learner's method. */
    CALLER("caller"),
    /** A virtual thread. */
    VIRTUAL("virtual"),
    /** A worker of {@link ForkJoinPool#commonPool()}: parallel streams, {@code *Async} without an executor. */
    COMMON_POOL("common-pool"),
    /** A worker of a {@code ForkJoinPool} the learner created. */
    FORK_JOIN_POOL("fork-join-pool"),
    /** A worker of a {@code ThreadPoolExecutor} the learner created. */
    POOL_WORKER("pool-worker"),
    /** A platform thread the learner started directly ({@code new Thread}, {@code Thread.ofPlatform}). */
    PLATFORM("platform"),
    /** Any other thread (the JDK's own, the grader's). */
    OTHER("other");

    private final String id;

    ThreadKind(String id) {
        this.id = id;
    }

    /** {@return the stable id used in reports} */
    public String id() {
        return id;
    }

    static ThreadKind of(Thread t, Thread caller, Episode.StartedThread started) {
        if (t == caller) {
            return CALLER;
        }
        if (t.isVirtual()) {
            return VIRTUAL;
        }
        if (t instanceof ForkJoinWorkerThread fj) {
            return fj.getPool() == ForkJoinPool.commonPool() ? COMMON_POOL : FORK_JOIN_POOL;
        }
        if (started != null) {
            return started.poolWorker() ? POOL_WORKER : PLATFORM;
        }
        return OTHER;
    }
}
