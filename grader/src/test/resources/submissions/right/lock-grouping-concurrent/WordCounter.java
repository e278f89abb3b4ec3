import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;

class WordCounter {
    public static Map<String, Long> count(List<String> lines, int threads) {
        Objects.requireNonNull(lines, "lines");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        // A parallel stream started from a ForkJoinPool's task runs on that pool: threads workers.
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            return pool.submit(() -> lines.parallelStream()
                    .flatMap(WordCounter::wordsOf)
                    .collect(Collectors.groupingByConcurrent(word -> word, Collectors.counting())))
                    .join();
        }
    }

    private static Stream<String> wordsOf(String line) {
        Stream.Builder<String> b = Stream.builder();
        words(line, b);
        return b.build();
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
