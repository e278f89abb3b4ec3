package grader.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the one canonical {@link GradeReport} in some format. Exporters never compute a score:
 * they show the report's totals, so every format agrees.
 */
public interface Exporter {
    /** {@return the id used with {@code --format}} */
    String id();

    /** {@return one line for {@code --help}: what the format is for} */
    String description();

    /** {@return the name of the one file {@link #write} writes into the report folder} */
    String fileName();

    /** Writes the report into {@code dir} and returns the file written. */
    Path write(GradeReport report, Path dir) throws IOException;
}
