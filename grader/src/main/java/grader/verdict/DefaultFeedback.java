package grader.verdict;

/** Feedback for verdicts an exercise spec does not word itself. */
final class DefaultFeedback {
    private DefaultFeedback() {}

    static String why(String id, ExerciseSpec spec) {
        return switch (id) {
            case "not-implemented" -> "The method is still the stub.";
            case "no-calls" -> spec.workload() == Workload.IO
                    ? "Requests must go through the HttpClient passed to the method, so the grader can see them."
                    : "Each value must come from one call of the given kernel, so the grader can see the work.";
            case "no-evidence" -> "The grader decides the model only from what it observes.";
            case "unknown" -> "The grader could not tell which concurrency model ran the work.";
            case "call-not-returned" -> "The grader judges the model only from a call that finished by itself: what your code"
                    + " did after the grader interrupted it shows how it stops, not how it does the work.";
            case "too-few-threads", "digest-too-few-threads" -> "CPU-bound work uses as many cores as it has threads: with fewer"
                    + " threads than cores, the other cores sit idle however the work is split.";
            case "pool-size-off-cores", "digest-pool-too-large" -> "CPU-bound work cannot use more threads than there are cores:"
                    + " the extra threads only take turns on them, and each costs memory and scheduling.";
            case "pool-size-off-limit" -> "The limit you are given is the number of workers allowed: a pool that follows it"
                    + " but adds to it, or multiplies it, breaks it.";
            case "pool-size-follows-tasks" -> "One thread per item is no bound at all: the limit you are given, not the number of"
                    + " items, decides how many threads work at once.";
            case "caller-does-work" -> "While your own thread does part of the work, it is not waiting for the results, and its"
                    + " share is not bounded by the pool: the work is split between two models at once.";
            case "pool-never-grows" -> "A ThreadPoolExecutor starts threads beyond its core size only when its queue is full; with"
                    + " core size 0 and an unbounded queue it never is, so one thread does all the work.";
            default -> "This is not the model this exercise teaches for " + (spec.workload() == Workload.IO
                    ? "I/O-bound work." : "CPU-bound work.");
        };
    }

    static String hint(String id, ExerciseSpec spec) {
        return switch (id) {
            case "not-implemented" -> "Replace the `throw new UnsupportedOperationException(\"TODO\")` with your implementation.";
            case "too-few-threads", "digest-too-few-threads", "pool-size-off-cores", "digest-pool-too-large" ->
                    "Size the threads with Runtime.getRuntime().availableProcessors(), or use a parallel stream, which does it for you.";
            case "pool-size-off-limit", "pool-size-follows-tasks" -> "Make the pool exactly as large as the limit you are given.";
            case "caller-does-work" -> "Submit every item to the threads, and let your own thread only wait for the results.";
            case "call-not-returned" -> "Make the method return by itself: look for a sleep or a wait that only an interrupt ends.";
            case "pool-never-grows" -> "Use Executors.newFixedThreadPool(n), or give the ThreadPoolExecutor a core size of n.";
            case "no-calls" -> spec.workload() == Workload.IO
                    ? "Call client.send (or sendAsync) on the client you are given, once per URL."
                    : "Call sumOfFactorials(n) once for each n, and do not change it.";
            default -> spec.workload() == Workload.IO
                    ? "Use a fixed pool of the given size, or virtual threads limited by a Semaphore."
                    : "Use a parallel stream or a pool of availableProcessors() platform threads.";
        };
    }

    static String praise(String id, ExerciseSpec spec) {
        if ("staged".equals(id)) {
            return "Right for a pipeline: requests wait side by side within the limit, and the digests run on platform threads no more than the cores.";
        }
        if ("processes".equals(id)) {
            return "Right for isolation: each job ran in a child JVM of its own, within the limit you were given, and none"
                    + " was left alive.";
        }
        return spec.workload() == Workload.IO
                ? "Right for I/O-bound work: requests wait side by side, within the limit you were given."
                : "Right for CPU-bound work: platform threads sized to the cores run the sums in parallel.";
    }
}
