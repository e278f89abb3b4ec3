package grader.starter;

import java.nio.file.Path;

/**
 * A starter that cannot be exported as asked: the folder to write to is not empty, the course repository has no
 * {@code exercises/}, or a stub is the reference solution. Nothing has been written when it is thrown.
 */
public final class StarterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    StarterException(String message, Path path) {
        super(message);
        this.path = path;
    }

    /** {@return the file or folder the refusal is about} */
    public Path path() {
        return path;
    }
}
