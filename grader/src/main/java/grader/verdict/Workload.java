package grader.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an exercise's work does: waits on I/O (requests) or computes (kernels). */
enum Workload {
    IO("io"), CPU("cpu");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static Workload parse(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("workload must be \"io\" or \"cpu\", not " + id));
    }

    @Override
    public String toString() {
        return id;
    }
}
