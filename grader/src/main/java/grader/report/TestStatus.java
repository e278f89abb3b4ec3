package grader.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one test, as report.json's {@code status} of a test says it. */
public enum TestStatus {
    PASSED("passed"), FAILED("failed"), ABORTED("aborted"), SKIPPED("skipped"), NOT_RUN("not-run");

    private final String id;

    TestStatus(String id) {
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
