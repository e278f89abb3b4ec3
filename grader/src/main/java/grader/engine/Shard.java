package grader.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a class one run grades: shard {@code index} of {@code count}, 1-based, as CI matrices
 * count. Learners are taken round-robin from the sorted list, so shards are balanced and the same
 * folder always splits the same way.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is written i/n (e.g. 2/3), not " + text);
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is written i/n (e.g. 2/3), not " + text);
        }
    }

    public <T> List<T> select(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i % count == index - 1) {
                mine.add(sorted.get(i));
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
