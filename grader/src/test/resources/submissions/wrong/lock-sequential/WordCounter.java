import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;

class WordCounter {
    public static Map<String, Long> count(List<String> lines, int threads) {
        Objects.requireNonNull(lines, "lines");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            words(line, word -> counts.merge(word, 1L, Long::sum));
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
