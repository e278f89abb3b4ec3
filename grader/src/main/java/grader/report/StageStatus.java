package grader.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one step of grading an exercise ended; report.json's {@code status} of a stage. */
public enum StageStatus {
    OK("ok"), FAILED("failed"), SKIPPED("skipped");

    private final String id;

    StageStatus(String id) {
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
