package grader.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a right pool's size follows: the method's bound ({@code maxWorkers}) or the cores. */
enum PoolSize {
    LIMIT("limit"), CORES("cores");

    private final String id;

    PoolSize(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static PoolSize parse(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("poolSize must be \"limit\" or \"cores\", not " + id));
    }

    @Override
    public String toString() {
        return id;
    }
}
