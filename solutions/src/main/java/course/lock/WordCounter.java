package course.lock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reference solution of exercise {@code lock}: each of {@code threads} workers counts a slice of the lines into a
 * map of its own, which no other thread touches, and the caller merges the maps once they are done. No lock is
 * shared, so the workers never wait for one another. The contract is in the stub's Javadoc
 * ({@code exercises/.../course/lock/WordCounter.java}).
 */
public final class WordCounter {

    private WordCounter() {
    }

    /** Counts the words of {@code lines} with {@code threads} workers. See the stub for the full contract. */
    public static Map<String, Long> count(List<String> lines, int threads) {
        Objects.requireNonNull(lines, "lines");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        int n = lines.size();
        int workers = Math.max(1, Math.min(threads, n));
        List<Future<Map<String, Long>>> parts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (int w = 0; w < workers; w++) {
                int from = (int) ((long) n * w / workers);
                int to = (int) ((long) n * (w + 1) / workers);
                parts.add(pool.submit(() -> countSlice(lines, from, to)));
            }
            // Only the caller touches the result, after each worker is done with its own map.
            Map<String, Long> total = new HashMap<>();
            for (Future<Map<String, Long>> part : parts) {
                part.get().forEach((word, count) -> total.merge(word, count, Long::sum));
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while counting");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed", e.getCause());
        }
    }

    /** One worker's counts of lines {@code from} (inclusive) to {@code to} (exclusive), in a map of its own. */
    private static Map<String, Long> countSlice(List<String> lines, int from, int to) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            int start = -1;
            for (int j = 0; j <= line.length(); j++) {
                boolean letter = j < line.length() && Character.isLetter(line.charAt(j));
                if (letter && start < 0) {
                    start = j;
                } else if (!letter && start >= 0) {
                    counts.merge(line.substring(start, j).toLowerCase(Locale.ROOT), 1L, Long::sum);
                    start = -1;
                }
            }
        }
        return counts;
    }
}
