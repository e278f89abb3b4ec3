import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.HashMap;

class WordCounter {
    public static Map<String, Long> count(List<String> lines, int threads) {
        Objects.requireNonNull(lines, "lines");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Map<String, Long> counts = new HashMap<>();
        ReentrantLock lock = new ReentrantLock();
        int n = lines.size();
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int w = 0; w < threads; w++) {
                int from = (int) ((long) n * w / threads);
                int to = (int) ((long) n * (w + 1) / threads);
                done.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        words(lines.get(i), word -> {
                            lock.lock();
                            try {
                                counts.merge(word, 1L, Long::sum);
                            } finally {
                                lock.unlock();
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return counts;
    }

    /** Calls {@code sink} with each word of {@code line}, lower-cased. */
    private static void words(String line, java.util.function.Consumer<String> sink) {
        int start = -1;
        for (int j = 0; j <= line.length(); j++) {
            boolean letter = j < line.length() && Character.isLetter(line.charAt(j));
            if (letter && start < 0) {
                start = j;
            } else if (!letter && start >= 0) {
                sink.accept(line.substring(start, j).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
    }
}
