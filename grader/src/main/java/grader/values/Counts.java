package grader.values;

import java.util.Map;

/**
 * The exercise-specific counts of an {@link Evidence}, typed per concern. On the wire (report.json, the test JVM's
 * channel) they stay one map of names to counts, so that a concern added later needs no schema change; the checks
 * record them under the names declared here and the rule book reads them only through these records. Never durations.
 */
public final class Counts {
    private Counts() {}

    /**
     * The threads exercise's watch of the Thread API (recorded by the episode when it watches the Thread API).
     *
     * @param threadApiStarts threads the learner's code started through the Thread API (counter {@code thread-api-starts})
     * @param executorStarts threads an executor started for the learner's code (counter {@code executor-starts})
     * @param callerJoined 1 when the caller joined a thread it started, else 0 (counter {@code caller-joined})
     * @param callerSleeps how many times the caller slept while its threads ran (counter {@code caller-sleeps})
     * @param runNotStart calls that came through Thread.run() instead of Thread.start() (counter {@code run-not-start})
     * @param callsUnfinishedAtReturn calls that had not ended when the method returned (counter {@code calls-unfinished-at-return})
     * @param joinGateGaveUp 1 when a call of a thread nobody joined gave up waiting at the join gate (counter {@code join-gate-gave-up})
     */
    public record ThreadApi(
            long threadApiStarts,
            long executorStarts,
            long callerJoined,
            long callerSleeps,
            long runNotStart,
            long callsUnfinishedAtReturn,
            long joinGateGaveUp) {
        public static final String THREAD_API_STARTS = "thread-api-starts";
        public static final String EXECUTOR_STARTS = "executor-starts";
        public static final String CALLER_JOINED = "caller-joined";
        public static final String CALLER_SLEEPS = "caller-sleeps";
        public static final String RUN_NOT_START = "run-not-start";
        public static final String CALLS_UNFINISHED_AT_RETURN = "calls-unfinished-at-return";
        public static final String JOIN_GATE_GAVE_UP = "join-gate-gave-up";

        static ThreadApi of(Map<String, Long> counters) {
            return new ThreadApi(counters.getOrDefault(THREAD_API_STARTS, 0L),
                    counters.getOrDefault(EXECUTOR_STARTS, 0L),
                    counters.getOrDefault(CALLER_JOINED, 0L),
                    counters.getOrDefault(CALLER_SLEEPS, 0L),
                    counters.getOrDefault(RUN_NOT_START, 0L),
                    counters.getOrDefault(CALLS_UNFINISHED_AT_RETURN, 0L),
                    counters.getOrDefault(JOIN_GATE_GAVE_UP, 0L));
        }
    }

    /**
     * The word-count (lock) exercise's watch of shared state: locks and maps its workers updated.
     *
     * @param lines lines read from the shared input (counter {@code lines})
     * @param words words counted (counter {@code words})
     * @param workers threads other than the caller that counted (counter {@code workers})
     * @param sharedLockAcquisitions acquisitions by workers of the one lock most of them took (counter {@code shared-lock-acquisitions})
     * @param sharedLockWorkers workers that took that lock (counter {@code shared-lock-workers})
     * @param workersBlockedOnLock workers seen BLOCKED or waiting on that lock while the grader held it (counter {@code workers-blocked-on-lock})
     * @param synchronizedMapUpdates updates through a synchronized map (Collections.synchronizedMap, Hashtable) (counter {@code synchronized-map-updates})
     * @param concurrentMapUpdates updates through a concurrent map (counter {@code concurrent-map-updates})
     * @param unsafeMapForeignUpdates updates of a non-thread-safe map by threads other than the first to update it (counter {@code unsafe-map-foreign-updates})
     * @param unsafeMapWriters threads that updated that map (counter {@code unsafe-map-writers})
     */
    public record SharedState(
            long lines,
            long words,
            long workers,
            long sharedLockAcquisitions,
            long sharedLockWorkers,
            long workersBlockedOnLock,
            long synchronizedMapUpdates,
            long concurrentMapUpdates,
            long unsafeMapForeignUpdates,
            long unsafeMapWriters) {
        public static final String LINES = "lines";
        public static final String WORDS = "words";
        public static final String WORKERS = "workers";
        public static final String SHARED_LOCK_ACQUISITIONS = "shared-lock-acquisitions";
        public static final String SHARED_LOCK_WORKERS = "shared-lock-workers";
        public static final String WORKERS_BLOCKED_ON_LOCK = "workers-blocked-on-lock";
        public static final String SYNCHRONIZED_MAP_UPDATES = "synchronized-map-updates";
        public static final String CONCURRENT_MAP_UPDATES = "concurrent-map-updates";
        public static final String UNSAFE_MAP_FOREIGN_UPDATES = "unsafe-map-foreign-updates";
        public static final String UNSAFE_MAP_WRITERS = "unsafe-map-writers";

        static SharedState of(Map<String, Long> counters) {
            return new SharedState(counters.getOrDefault(LINES, 0L),
                    counters.getOrDefault(WORDS, 0L),
                    counters.getOrDefault(WORKERS, 0L),
                    counters.getOrDefault(SHARED_LOCK_ACQUISITIONS, 0L),
                    counters.getOrDefault(SHARED_LOCK_WORKERS, 0L),
                    counters.getOrDefault(WORKERS_BLOCKED_ON_LOCK, 0L),
                    counters.getOrDefault(SYNCHRONIZED_MAP_UPDATES, 0L),
                    counters.getOrDefault(CONCURRENT_MAP_UPDATES, 0L),
                    counters.getOrDefault(UNSAFE_MAP_FOREIGN_UPDATES, 0L),
                    counters.getOrDefault(UNSAFE_MAP_WRITERS, 0L));
        }
    }

    /**
     * The processes exercise's watch of the child JVMs its jobs ran in (from the jobs' own reports to the grader).
     *
     * @param aliveAtReturn children of the call still alive when it returned (counter {@code children-alive-at-return})
     * @param aliveAfterPoliteStop children that reported the polite stop (SIGTERM) and were still alive (counter {@code alive-after-polite-stop})
     * @param peak most children alive at once (counter {@code children-peak})
     * @param jobsInProcess jobs that ran inside the calling JVM (they reported the caller's own pid) (counter {@code jobs-in-process})
     * @param jobsReported jobs that reported to the grader (counter {@code jobs-reported})
     * @param holdTarget how many children the hold waited for; 0 when there was no hold (counter {@code hold-target})
     * @param holdReached 1 when that many were alive together, else 0 (counter {@code hold-reached})
     * @param runAllStuck 1 when the call did not return and the check gave it up (counter {@code runall-stuck})
     * @param stuckChildrenAlive children still alive when the stuck call was given up (counter {@code stuck-children-alive})
     * @param stuckFlooders of those, jobs that print more than a pipe holds (counter {@code stuck-flooders})
     * @param stuckFloodWritten bytes such a job had written when it stopped (counter {@code stuck-flood-written})
     * @param stuckFloodTotal bytes such a job prints in all (counter {@code stuck-flood-total})
     * @param stuckSleepers jobs that never end by themselves (counter {@code stuck-sleepers})
     * @param stuckIgnoredTerm jobs that reported the polite stop and stayed alive (counter {@code stuck-ignored-term})
     * @param stuckInWaitFor learner threads waiting in Process.waitFor when the call was given up (counter {@code stuck-in-waitFor})
     * @param stuckReadingOutput learner threads reading a child's output then (counter {@code stuck-reading-output})
     */
    public record ChildProcesses(
            long aliveAtReturn,
            long aliveAfterPoliteStop,
            long peak,
            long jobsInProcess,
            long jobsReported,
            long holdTarget,
            long holdReached,
            long runAllStuck,
            long stuckChildrenAlive,
            long stuckFlooders,
            long stuckFloodWritten,
            long stuckFloodTotal,
            long stuckSleepers,
            long stuckIgnoredTerm,
            long stuckInWaitFor,
            long stuckReadingOutput) {
        public static final String ALIVE_AT_RETURN = "children-alive-at-return";
        public static final String ALIVE_AFTER_POLITE_STOP = "alive-after-polite-stop";
        public static final String PEAK = "children-peak";
        public static final String JOBS_IN_PROCESS = "jobs-in-process";
        public static final String JOBS_REPORTED = "jobs-reported";
        public static final String HOLD_TARGET = "hold-target";
        public static final String HOLD_REACHED = "hold-reached";
        public static final String RUN_ALL_STUCK = "runall-stuck";
        public static final String STUCK_CHILDREN_ALIVE = "stuck-children-alive";
        public static final String STUCK_FLOODERS = "stuck-flooders";
        public static final String STUCK_FLOOD_WRITTEN = "stuck-flood-written";
        public static final String STUCK_FLOOD_TOTAL = "stuck-flood-total";
        public static final String STUCK_SLEEPERS = "stuck-sleepers";
        public static final String STUCK_IGNORED_TERM = "stuck-ignored-term";
        public static final String STUCK_IN_WAIT_FOR = "stuck-in-waitFor";
        public static final String STUCK_READING_OUTPUT = "stuck-reading-output";

        static ChildProcesses of(Map<String, Long> counters) {
            return new ChildProcesses(counters.getOrDefault(ALIVE_AT_RETURN, 0L),
                    counters.getOrDefault(ALIVE_AFTER_POLITE_STOP, 0L),
                    counters.getOrDefault(PEAK, 0L),
                    counters.getOrDefault(JOBS_IN_PROCESS, 0L),
                    counters.getOrDefault(JOBS_REPORTED, 0L),
                    counters.getOrDefault(HOLD_TARGET, 0L),
                    counters.getOrDefault(HOLD_REACHED, 0L),
                    counters.getOrDefault(RUN_ALL_STUCK, 0L),
                    counters.getOrDefault(STUCK_CHILDREN_ALIVE, 0L),
                    counters.getOrDefault(STUCK_FLOODERS, 0L),
                    counters.getOrDefault(STUCK_FLOOD_WRITTEN, 0L),
                    counters.getOrDefault(STUCK_FLOOD_TOTAL, 0L),
                    counters.getOrDefault(STUCK_SLEEPERS, 0L),
                    counters.getOrDefault(STUCK_IGNORED_TERM, 0L),
                    counters.getOrDefault(STUCK_IN_WAIT_FOR, 0L),
                    counters.getOrDefault(STUCK_READING_OUTPUT, 0L));
        }
    }
}
