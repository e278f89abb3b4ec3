package course.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Public tests of {@link WordCounter#count}: results only. The grader judges the concurrency model separately,
 * from what it observes. Expected counts come from {@link #expected}, a plain sequential count of these tests' own.
 */
class WordCounterTest {

    @Test
    void countsLowerCasedRunsOfLetters() {
        List<String> lines = List.of("It's the end, THE END.", "the_end? 42end");

        Map<String, Long> counts = WordCounter.count(lines, 2);

        assertEquals(Map.of("it", 1L, "s", 1L, "the", 3L, "end", 4L), counts,
                "words are maximal runs of letters, lower-cased; everything else separates them");
    }

    @Test
    void lettersBeyondAsciiAreLetters() {
        List<String> lines = List.of("Über café ÜBER", "naïve—Café");

        assertEquals(Map.of("über", 2L, "café", 2L, "naïve", 1L), WordCounter.count(lines, 3));
    }

    @Test
    void countsTheSameWithOneWorkerOrMany() {
        List<String> lines = text(3_000, 11);
        Map<String, Long> expected = expected(lines);

        for (int threads : new int[] {1, 2, 3, 4, 7}) {
            assertEquals(expected, WordCounter.count(lines, threads), "threads = " + threads);
        }
    }

    @Test
    void loseNoCountWhenManyWorkersUpdateTheSameFewWords() {
        // Few distinct words, many occurrences: every worker updates the same counts all the time.
        List<String> lines = text(20_000, 5);
        Map<String, Long> expected = expected(lines);

        for (int round = 0; round < 3; round++) {
            assertEquals(expected, WordCounter.count(lines, 4), "round " + round);
        }
    }

    @Test
    void moreWorkersThanLinesIsFine() {
        assertEquals(Map.of("one", 1L, "two", 1L), WordCounter.count(List.of("one two"), 8));
    }

    @Test
    void givesAnEmptyMapForNoWords() {
        assertEquals(Map.of(), WordCounter.count(List.of(), 4));
        assertEquals(Map.of(), WordCounter.count(List.of("", "42 -- 7", "   "), 2));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(NullPointerException.class, () -> WordCounter.count(null, 2));
        assertThrows(IllegalArgumentException.class, () -> WordCounter.count(List.of("a b"), 0));
        assertThrows(IllegalArgumentException.class, () -> WordCounter.count(List.of("a b"), -3));
    }

    /** {@code lines} lines of 6 words each, drawn from {@code distinct} words in mixed case and punctuation. */
    static List<String> text(int lines, int distinct) {
        String[] words = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            words[i] = "w" + (char) ('a' + i % 26) + "ord" + (char) ('a' + i / 26);
        }
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                String w = words[(i * 7 + j * 3) % distinct];
                b.append(j % 2 == 0 ? w.toUpperCase(Locale.ROOT) : w).append(j % 3 == 0 ? ", " : " ");
            }
            text.add(b.toString());
        }
        return Collections.unmodifiableList(text);
    }

    static Map<String, Long> expected(List<String> lines) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            for (String w : line.split("[^\\p{L}]+")) {
                if (!w.isEmpty()) {
                    counts.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
