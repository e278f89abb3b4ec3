package grader.verdict;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a verdict weighs: the expected model, a model that works but is not the one taught, or a failure. */
public enum Severity {
    INFO("info"), WARN("warn"), FAIL("fail");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
