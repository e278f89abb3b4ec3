package grader.probes;

/**
 * The grader-side end of the agent's probes: the agent's sinks call these static methods on the
 * thread that caused the event. Events outside an active {@link Episode} are dropped, so the JDK's
 * own start-up and the agent's self-test never reach a verdict.
 *
 * <p>Every method here must return quickly, never throw and never start threads or pools itself.
 */
public final class Recorder {
    private Recorder() {}

    private static volatile Episode current;
    private static volatile String agentProblem = "the grader's agent is not attached (no -javaagent)";

    /** Called once by the agent after its self-test; {@code problem} is null when every probe fired. */
    public static void agentInstalled(String problem) {
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
        if (limitReached == null) {
            limitReached = message;
        }
    }

    /** {@return the message of the first start the agent refused at a cap in this JVM, or null} */
    public static String limitReached() {
        return limitReached;
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
        if (e != null) {
            e.threadStarted(thread);
        }
    }

    /** A {@code ThreadPoolExecutor} (kind "tpe", core and max sizes) or {@code ForkJoinPool} (kind "fjp",
     *  core = max = parallelism) was constructed; {@code pool} is the new instance. */
    public static void poolCreated(Object pool, String kind, int core, int max) {
        Episode e = current;
        if (e != null) {
            e.poolCreated(pool, kind, core, max);
        }
    }

    /** A child process is about to start ({@code ProcessBuilder.start}, {@code Runtime.exec}). */
    public static void processStarting(String[] command) {
        Episode e = current;
        if (e != null) {
            e.processStarting(command);
        }
    }

    /** {@code Runtime.exit} ("exit") or {@code Runtime.halt} ("halt") was called with {@code status}. */
    public static void exitRequested(String how, int status) {
        ExitWitness.exitRequested(how, status);
    }

    /** A watched kernel method (named in the exercise spec) was entered; may wait at a rendezvous. */
    public static void kernelEnter(String kernel) {
        Episode e = current;
        if (e != null) {
            e.kernelEnter(kernel);
        }
    }

    /** A watched kernel method returned or threw. */
    public static void kernelExit(String kernel) {
        Episode e = current;
        if (e != null) {
            e.kernelExit(kernel);
        }
    }

    /** The current thread entered {@code Thread.sleep} ("sleep") or {@code Thread.join} ("join"). */
    public static void threadWaiting(String how) {
        Episode e = current;
        if (e != null) {
            e.threadWaiting(how);
        }
    }
}
