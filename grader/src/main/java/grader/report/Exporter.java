package grader.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One format the grader writes, described by data: what {@code --format} calls it, the file it writes into the
 * report folder, one line for {@code --help}, whether its consumer applies each test's visibility itself, and the
 * function that renders a report into the file's bytes. Exporters never compute a score: they show the report's
 * totals, so every format agrees; and they never decide what an audience sees: {@link Audience#cut} has done that.
 *
 * @param id                the id used with {@code --format}
 * @param fileName          the one file it writes into the report folder
 * @param description       one line for {@code --help}: what the format is for
 * @param visibilityApplied whether the consumer withholds tests by their visibility itself (Gradescope), so the
 *                          learner's cut keeps their details
 * @param renderer          the report, as the audience may read it, to the file's bytes
 * @param publisher         what else is done with those bytes once the file is written (Classroom's step output)
 */
public record Exporter(String id, String fileName, String description, boolean visibilityApplied, Renderer renderer,
                       Publisher publisher) {

    /** Renders a report; pure, so a test can call it without a folder. */
    @FunctionalInterface
    public interface Renderer {
        byte[] render(GradeReport report) throws IOException;
    }

    /** Hands the rendered bytes to someone besides the file. */
    @FunctionalInterface
    public interface Publisher {
        void publish(byte[] rendered) throws IOException;
    }

    static Exporter of(String id, String fileName, String description, boolean visibilityApplied, Renderer renderer) {
        return new Exporter(id, fileName, description, visibilityApplied, renderer, rendered -> { });
    }

    /** {@return the bytes this format holds for the audience} */
    public byte[] render(GradeReport report, Audience audience) throws IOException {
        return renderer.render(audience.cut(report, visibilityApplied));
    }

    /** Writes the report for the audience into {@code dir} (atomically) and returns the file written. */
    public Path write(GradeReport report, Path dir, Audience audience) throws IOException {
        byte[] bytes = render(report, audience);
        Path file = ReportFiles.write(dir, fileName, bytes);
        publisher.publish(bytes);
        return file;
    }
}
