package grader.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every verdict id the grader can give, in one place: the models it can observe (what ran) and the flaws it can
 * find (what went wrong, on a model or before any model could be seen). Exercise specs name only these ids; an id
 * is stable once released, so a truer name is a new constant, never a rename of an old one's text.
 */
public enum VerdictId {
    // Models: what ran the work.
    SEQUENTIAL("sequential", Kind.MODEL),
    SERIALIZED("serialized", Kind.MODEL),
    THREAD_PER_TASK("thread-per-task", Kind.MODEL),
    FIXED_POOL("fixed-pool", Kind.MODEL),
    COMMON_POOL("common-pool", Kind.MODEL),
    FORK_JOIN_POOL("fork-join-pool", Kind.MODEL),
    VIRTUAL_THREADS("virtual-threads", Kind.MODEL),
    ASYNC_CLIENT("async-client", Kind.MODEL),
    PROCESSES("processes", Kind.MODEL),
    EXECUTOR("executor", Kind.MODEL),
    STAGED("staged", Kind.MODEL),
    // Flaws found before any model could be seen.
    NOT_SUBMITTED("not-submitted", Kind.FLAW),
    COMPILE_ERROR("compile-error", Kind.FLAW),
    STRUCTURE_MISMATCH("structure-mismatch", Kind.FLAW),
    REFUSED("refused", Kind.FLAW),
    GRADER_ERROR("grader-error", Kind.FLAW),
    NO_EVIDENCE("no-evidence", Kind.FLAW),
    NOT_IMPLEMENTED("not-implemented", Kind.FLAW),
    NO_CALLS("no-calls", Kind.FLAW),
    UNKNOWN("unknown", Kind.FLAW),
    CALL_NOT_RETURNED("call-not-returned", Kind.FLAW),
    // Flaws of the Thread API (threads).
    NOT_JOINED("not-joined", Kind.FLAW),
    RUN_NOT_START("run-not-start", Kind.FLAW),
    POLLING("polling", Kind.FLAW),
    // Flaws of shared state (lock).
    GLOBAL_LOCK("global-lock", Kind.FLAW),
    SYNCHRONIZED_MAP("synchronized-map", Kind.FLAW),
    UNSAFE_SHARED_MAP("unsafe-shared-map", Kind.FLAW),
    // Flaws of a pool's size and bounds.
    HARD_CODED_POOL_SIZE("hard-coded-pool-size", Kind.FLAW),
    POOL_SIZE_FOLLOWS_TASKS("pool-size-follows-tasks", Kind.FLAW),
    POOL_SIZE_OFF_LIMIT("pool-size-off-limit", Kind.FLAW),
    POOL_SIZE_OFF_CORES("pool-size-off-cores", Kind.FLAW),
    TOO_FEW_THREADS("too-few-threads", Kind.FLAW),
    POOL_NEVER_GROWS("pool-never-grows", Kind.FLAW),
    CALLER_DOES_WORK("caller-does-work", Kind.FLAW),
    SMALL_POOL("small-pool", Kind.FLAW),
    OVER_LIMIT("over-limit", Kind.FLAW),
    UNDER_LIMIT("under-limit", Kind.FLAW),
    LEAKED_THREADS("leaked-threads", Kind.FLAW),
    // Flaws of a pipeline's stages.
    DIGEST_ON_IO_THREADS("digest-on-io-threads", Kind.FLAW),
    DIGEST_POOL_TOO_LARGE("digest-pool-too-large", Kind.FLAW),
    DIGEST_TOO_FEW_THREADS("digest-too-few-threads", Kind.FLAW),
    FETCH_ON_CPU_POOL("fetch-on-cpu-pool", Kind.FLAW),
    ONE_PARALLEL_STREAM("one-parallel-stream", Kind.FLAW),
    DIGEST_SEQUENTIAL("digest-sequential", Kind.FLAW),
    // Flaws of isolation (processes).
    IN_PROCESS("in-process", Kind.FLAW),
    UNBOUNDED_PROCESSES("unbounded-processes", Kind.FLAW),
    NO_KILL("no-kill", Kind.FLAW),
    POLITE_KILL_ONLY("polite-kill-only", Kind.FLAW),
    PIPE_DEADLOCK("pipe-deadlock", Kind.FLAW),
    LEAKED_PROCESSES("leaked-processes", Kind.FLAW);

    /** Whether an id names what ran (a model) or what went wrong (a flaw). */
    public enum Kind { MODEL, FLAW }

    private final String id;
    private final Kind kind;

    VerdictId(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** {@return the id as reports and specs write it} */
    @JsonValue
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isModel() {
        return kind == Kind.MODEL;
    }

    /** {@return the constant with this id, if any} */
    public static Optional<VerdictId> of(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    /** {@return the constant with this id}, or an error naming the id and where it came from */
    static VerdictId parse(String id, String where) {
        return of(id).orElseThrow(() -> new IllegalArgumentException(where + ": unknown verdict id \"" + id
                + "\" (known: " + Arrays.stream(values()).map(VerdictId::id).toList() + ")"));
    }

    @Override
    public String toString() {
        return id;
    }
}
