package grader.values;

import java.util.concurrent.ForkJoinPool;

/** What kind of thread ran a watched call: the evidence vocabulary the model rules and the reports share. */
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
}
