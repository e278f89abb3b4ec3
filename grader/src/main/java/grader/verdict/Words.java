package grader.verdict;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a rule says to the learner (why its verdict is right or wrong, what to do next), once for I/O-bound work and
 * once for CPU-bound work; most rules say the same for both. {@code {package}} and {@code {files}} stand for the
 * exercise's source folder and the files it expects.
 *
 * @param io  the words for an exercise whose workload is {@code io}
 * @param cpu the words for an exercise whose workload is {@code cpu}
 */
record Words(String io, String cpu) {
    Words {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(cpu, "cpu");
    }

    /** {@return the same words for every kind of work} */
    static Words of(String words) {
        return new Words(words, words);
    }

    /** {@return the words for this exercise's kind of work, with its folder and files filled in} (spec null: none) */
    String in(ExerciseSpec spec) {
        String words = spec == null || spec.workload() == Workload.IO ? io : cpu;
        if (spec == null) {
            return words;
        }
        return words.replace("{package}", spec.packageName().replace('.', '/'))
                .replace("{files}", spec.structure().stream()
                        .map(m -> m.className().substring(m.className().lastIndexOf('.') + 1) + ".java").distinct()
                        .collect(Collectors.joining(", ")));
    }

    // The words several rules share. Where a concern's rule and another concern's rule give the same id (over-limit of
    // one pool and of a pipeline's fetch stage), they say the same: RuleBookTest checks it.

    /** Why a call that did not return by itself earns no model points (the ending rule and the early rule). */
    static final Words NOT_RETURNED = Words.of("The grader judges the model only from a call that finished by itself:"
            + " what your code did after the grader interrupted it shows how it stops, not how it does the work.");
    /** What to do about a call that did not return by itself. */
    static final Words RETURN_BY_ITSELF = Words.of("Make the method return by itself: look for a sleep, a wait or a lock"
            + " that only an interrupt ends, or two threads that wait for each other.");

    /** Why a model or a flaw the exercise's spec does not word is wrong: the default. */
    static final Words NOT_TAUGHT = new Words("This is not the model this exercise teaches for I/O-bound work.",
            "This is not the model this exercise teaches for CPU-bound work.");
    /** What to do instead: the default. */
    static final Words USE_INSTEAD = new Words("Use a fixed pool of the given size, or virtual threads limited by a Semaphore.",
            "Use a parallel stream or a pool of availableProcessors() platform threads.");
    /** The praise of an expected model the spec does not word. */
    static final Words RIGHT_FOR_WORK = new Words("Right for I/O-bound work: requests wait side by side, within the limit you were given.",
            "Right for CPU-bound work: platform threads sized to the cores run the sums in parallel.");
    static final Words NO_CALLS = new Words("Requests must go through the HttpClient passed to the method, so the grader can see them.",
            "Each value must come from one call of the given kernel, so the grader can see the work.");
    static final Words MAKE_CALLS = new Words("Call client.send (or sendAsync) on the client you are given, once per URL.",
            "Call sumOfFactorials(n) once for each n, and do not change it.");
    static final Words FEW_THREADS = Words.of("CPU-bound work uses as many cores as it has threads: with fewer"
            + " threads than cores, the other cores sit idle however the work is split.");
    static final Words BEYOND_CORES = Words.of("CPU-bound work cannot use more threads than there are cores:"
            + " the extra threads only take turns on them, and each costs memory and scheduling.");
    static final Words SIZE_TO_CORES = Words.of("Size the threads with Runtime.getRuntime().availableProcessors(), or use a"
            + " parallel stream, which does it for you.");
    static final Words MATCH_LIMIT = Words.of("Make the pool exactly as large as the limit you are given.");
}
