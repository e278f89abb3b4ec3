package grader.verdict;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which of an exercise's test classes a test belongs to: what it is for and who may see it (see the spec's visibility). */
public enum TestKind {
    PUBLIC("public"), MODEL("model"), HIDDEN("hidden");

    private final String id;

    TestKind(String id) {
        this.id = id;
    }

    /** {@return the name report.json and every exporter use} */
    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
