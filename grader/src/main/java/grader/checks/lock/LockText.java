package grader.checks.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The grader's own text and word counts for {@code lock}: expected values never come from the learner's code. */
public final class LockText {
    private LockText() {}

    /**
     * {@code lines} lines of 6 words each, drawn from {@code distinct} words in mixed case, with punctuation, digits
     * and a letter beyond ASCII: few distinct words make every worker update the same counts all the time.
     */
    public static List<String> lines(int lines, int distinct) {
        String[] words = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            words[i] = (i % 3 == 0 ? "ü" : "") + "w" + (char) ('a' + i % 26) + "rd" + (char) ('a' + i / 26);
        }
        List<String> text = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                String w = words[(i * 5 + j * 7) % distinct];
                b.append((i + j) % 2 == 0 ? w.toUpperCase(Locale.ROOT) : w).append(j % 3 == 0 ? ", 7" : " -");
            }
            text.add(b.toString());
        }
        return Collections.unmodifiableList(text);
    }

    /** {@return the counts of the words of {@code lines}: maximal runs of letters, lower-cased with Locale.ROOT} */
    public static Map<String, Long> counts(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
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

    /** {@return how many words the counts add up to} */
    public static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
