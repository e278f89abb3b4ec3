package course.lock;

import java.util.List;
import java.util.Map;

/**
 * Exercise {@code lock}: word frequencies counted by several workers, the Java side of the lesson's global
 * interpreter lock. Python's GIL lets one thread at a time run Python code; Java has none, and the way to lose that
 * advantage is to build one yourself: a single lock around every update of the shared counts.
 *
 * <p>Give each worker its own counts and merge them at the end, or let the workers update a
 * {@code ConcurrentHashMap} ({@code merge}, or a {@code LongAdder} per word), or use a concurrent collector
 * ({@code Collectors.groupingByConcurrent}). See {@code exercises/docs/lock.md} for the task, the models that fit
 * and what the grader observes.
 */
public final class WordCounter {

    /** No instances: the exercise is one static method. */
    private WordCounter() {
    }

    /**
     * Counts how often each word occurs in {@code lines}, with {@code threads} workers.
     *
     * <p><strong>Words.</strong> A word is a maximal run of letters, where a letter is a {@code char} for which
     * {@link Character#isLetter(char)} is true; every other character separates words. Each word is counted in
     * lower case, as {@code word.toLowerCase(Locale.ROOT)} gives it. So {@code "It's the end, THE END."} holds
     * {@code it}, {@code s}, {@code the} (twice) and {@code end} (twice); digits, underscores and apostrophes
     * separate words too.
     *
     * <p><strong>Result.</strong> A new map from each word to the number of its occurrences in all lines, a
     * positive count; no other keys. An empty list, or lines without letters, give an empty map. The map may be
     * unmodifiable; {@code lines} is not modified.
     *
     * <p><strong>Workers.</strong> The lines are counted by {@code threads} workers at once: split the lines among
     * them, or hand them out as tasks, and have the workers read the lines themselves (through {@code get}, an
     * iterator or a stream of {@code lines}): do not copy {@code lines} on the calling thread first, the grader
     * watches the reads. Platform threads, a fixed pool of {@code threads}, or a {@code ForkJoinPool} of
     * {@code threads} running a parallel stream all fit. Any executor or pool this method creates is shut down
     * before it returns, and no thread it starts is still running then.
     *
     * <p><strong>Shared counts.</strong> The workers run at the same time, so whatever they update together must be
     * safe for that, and must not make them take turns: no lock (no {@code synchronized}, no {@code Lock}) held
     * for every update, and no {@code Collections.synchronizedMap}, which is such a lock inside the map. A
     * {@code HashMap} updated by several workers at once loses counts. What fits: a map per worker merged at the
     * end, {@code ConcurrentHashMap.merge}, a {@code ConcurrentHashMap} of {@code LongAdder}s, or
     * {@code Collectors.groupingByConcurrent}.
     *
     * <p><strong>Arguments.</strong> They are checked first, before any line is read. {@code lines} holds no
     * {@code null} element (what happens for one is not specified).
     *
     * <p><strong>Grading.</strong> Besides the counts, the grader observes which threads read the lines and
     * updated maps, of what kind, how many at once, the locks your code takes and how often, which threads wait
     * for them, and the kind of every map it updates (with the line of your code). It never judges by the clock.
     *
     * @param lines   the text, one line per element; not {@code null}
     * @param threads how many workers count at once; at least 1
     * @return each word of {@code lines}, in lower case, with the number of its occurrences
     * @throws NullPointerException     if {@code lines} is {@code null}
     * @throws IllegalArgumentException if {@code lines} is not {@code null} and {@code threads < 1}
     */
    public static Map<String, Long> count(List<String> lines, int threads) {
        throw new UnsupportedOperationException("TODO");
    }
}
