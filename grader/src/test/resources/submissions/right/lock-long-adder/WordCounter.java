import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

class WordCounter {
    public static Map<String, Long> count(List<String> lines, int threads) {
        Objects.requireNonNull(lines, "lines");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
        int n = lines.size();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int from = (int) ((long) n * w / threads);
            int to = (int) ((long) n * (w + 1) / threads);
            workers.add(Thread.ofPlatform().name("counter-" + w).start(() -> {
                for (int i = from; i < to; i++) {
                    words(lines.get(i), word -> counts.computeIfAbsent(word, k -> new LongAdder()).increment());
                }
            }));
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        Map<String, Long> result = new java.util.HashMap<>();
        counts.forEach((word, adder) -> result.put(word, adder.sum()));
        return result;
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
