package grader.probes;

/**
 * The grader-side end of the agent's probes: the agent's sinks call these static methods on the
 * thread that caused the event. Events outside an active {@link Episode} are dropped, so the JDK's
 * own start-up and the agent's self-test never reach a verdict.
 *
 * <p>Every method here must return quickly, never throw and never start threads or pools itself. The methods that
 * record drop a call that {@link LearnerCode#graderCalls} refuses: only the agent's sink (and the grader's own
 * classes) record, never learner code that got hold of this class. An event that only an episode or a shared-state
 * watch records checks its caller only while one is active: with none, the call has no effect whoever made it, and
 * the check (a stack walk) was most of what a counted map update or lock cost the tests that hammer them.
 */
public final class Recorder {
    private Recorder() {}

    private static volatile Episode current;
    private static volatile String agentProblem = "the grader's agent is not attached (no -javaagent)";

    /** Called once by the agent after its self-test; {@code problem} is null when every probe fired. */
    public static void agentInstalled(String problem) {
        if (!LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            return;
        }
        agentProblem = problem;
    }

    /** {@return null when the agent is attached and its self-test passed, else what is wrong} */
    public static String agentProblem() {
        return agentProblem;
    }

    private static volatile String limitReached;

    /**
     * The agent refused a thread or process start at the grader's cap, with {@code message} (also the message of the
     * OutOfMemoryError or IOException the learner's code got). Only the first refusal is kept.
     */
    public static void limitReached(String message) {
        if (!LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            return;
        }
        if (limitReached == null) {
            limitReached = message;
        }
        if (refusedSinceMark == null) {
            refusedSinceMark = message;
        }
    }

    private static volatile String refusedSinceMark;

    /** Forgets the refusals seen so far, for {@link #refusedSinceMark()}: the test runner marks each test's start. */
    public static void markRefusals() {
        refusedSinceMark = null;
    }

    /** {@return the first refusal (a cap, the network) since the last {@link #markRefusals()}, or null} */
    public static String refusedSinceMark() {
        return refusedSinceMark;
    }

    /** {@return the message of the first start the agent refused at a cap in this JVM, or null} */
    public static String limitReached() {
        return limitReached;
    }

    /**
     * A class of the grader, JUnit or their tooling, or its class file, is being looked up by name: {@return the
     * refusal's message when the learner's code made the call, else null}
     */
    public static String lookupRefusal(String name) {
        return LearnerCode.lookupByLearner()
                .map(site -> "reflection refused by the grader: learner code may not look up " + name + " (at " + site + ")")
                .orElse(null);
    }

    /**
     * A file is being read, written (created, renamed, deleted) or made a symbolic link ({@code kind}: "read", "write",
     * "link"): {@return the refusal's message when the learner's code made the call and {@link FilePolicy} does not let
     * it through, else null}
     */
    public static String fileRefusal(String path, String kind) {
        return LearnerCode.fileAccessByLearner().map(site -> FilePolicy.refusal(path, kind, site)).orElse(null);
    }

    static Episode current() {
        return current;
    }

    static void begin(Episode episode) {
        current = episode;
    }

    static void end(Episode episode) {
        if (current == episode) {
            current = null;
        }
    }

    /** A platform or virtual thread is about to start ({@code Thread.start*}, {@code VirtualThread.start}). */
    public static void threadStarted(Thread thread) {
        Episode e = current;
        if (e != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            e.threadStarted(thread);
        }
    }

    /** A {@code ThreadPoolExecutor} (kind "tpe", core and max sizes) or {@code ForkJoinPool} (kind "fjp",
     *  core = max = parallelism) was constructed; {@code pool} is the new instance. */
    public static void poolCreated(Object pool, String kind, int core, int max) {
        Episode e = current;
        if (e != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            e.poolCreated(pool, kind, core, max);
        }
    }

    /** A child process is about to start ({@code ProcessBuilder.start}, {@code Runtime.exec}). */
    public static void processStarting(String[] command) {
        Episode e = current;
        if (e != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            e.processStarting(command);
        }
    }

    /** {@code Runtime.exit} ("exit") or {@code Runtime.halt} ("halt") was called with {@code status}. */
    public static void exitRequested(String how, int status) {
        if (!LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            return;
        }
        ExitWitness.exitRequested(how, status);
    }

    /** A watched kernel method (named in the exercise spec) was entered; may wait at a rendezvous. */
    public static void kernelEnter(String kernel) {
        Episode e = current;
        if (e != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            e.kernelEnter(kernel);
        }
    }

    /** A watched kernel method returned or threw. */
    public static void kernelExit(String kernel) {
        Episode e = current;
        if (e != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            e.kernelExit(kernel);
        }
    }

    /** Learner code acquired {@code lock} (a monitor's object or a {@code Lock}); may wait (a rendezvous). */
    public static void lockAcquired(Object lock) {
        SharedStateWatch w = SharedStateWatch.current();
        if (w != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            w.lockAcquired(lock);
        }
    }

    /** Learner code is about to release {@code lock}. */
    public static void lockReleasing(Object lock) {
        SharedStateWatch w = SharedStateWatch.current();
        if (w != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            w.lockReleasing(lock);
        }
    }

    /** Learner code is about to update {@code map} ({@code put}, {@code merge}...); may wait (a rendezvous). */
    public static void mapUpdate(Object map) {
        SharedStateWatch w = SharedStateWatch.current();
        if (w != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            w.mapUpdate(map);
        }
    }

    /** That update of {@code map} returned or threw. */
    public static void mapUpdated(Object map) {
        SharedStateWatch w = SharedStateWatch.current();
        if (w != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            w.mapUpdated(map);
        }
    }

    /** The current thread entered {@code Thread.sleep} ("sleep") or {@code Thread.join} ("join"). */
    public static void threadWaiting(String how) {
        Episode e = current;
        if (e != null && LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            e.threadWaiting(how);
        }
    }
}
