package grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Our JSON report, written atomically (a reader never sees half a file). */
final class JsonReport {
    /** The grader\'s own report\'s file name. */
    static final String FILE = "report.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** Writes the report as it is (no audience's cut: see {@link Exporters#writeAll}). */
    public static Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir, FILE, bytes(report));
    }

    static byte[] bytes(GradeReport report) throws IOException {
        return JSON.writeValueAsBytes(report);
    }

    public static GradeReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), GradeReport.class);
    }
}
