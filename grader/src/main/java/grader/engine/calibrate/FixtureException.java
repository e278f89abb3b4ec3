package grader.engine.calibrate;

import java.nio.file.Path;

/**
 * A labelled submission that cannot be used as it is: its {@code expected.json} or one of its fragments is wrong. The
 * message names the file and, for {@code expected.json}, the field.
 */
public final class FixtureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    /**
     * @param file  the file at fault
     * @param field the field of {@code expected.json} at fault, or null for a whole file
     * @param what  what is wrong, and what is wanted instead
     */
    FixtureException(Path file, String field, String what) {
        super(file + (field == null ? "" : ": field \"" + field + "\"") + ": " + what);
        this.file = file;
        this.field = field;
    }

    /** {@return the file at fault} */
    public Path file() {
        return file;
    }

    /** {@return the field of {@code expected.json} at fault, or null} */
    public String field() {
        return field;
    }
}
