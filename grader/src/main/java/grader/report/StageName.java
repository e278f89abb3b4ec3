package grader.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** One step of grading an exercise, in the order they run ({@code evidence}: a model check's evidence could not be read); report.json's {@code name} of a stage. */
public enum StageName {
    COMPILE("compile"), STRUCTURE("structure"), SANDBOX("sandbox"), STATIC("static"), TESTS("tests"), EVIDENCE("evidence");

    private final String id;

    StageName(String id) {
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
