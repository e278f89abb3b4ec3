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
            default -> "This is not the model this exercise teaches for " + (spec.workload() == Workload.IO
                    ? "I/O-bound work." : "CPU-bound work.");
        };
    }

    static String hint(String id, ExerciseSpec spec) {
        return switch (id) {
            case "not-implemented" -> "Replace the `throw new UnsupportedOperationException(\"TODO\")` with your implementation.";
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
