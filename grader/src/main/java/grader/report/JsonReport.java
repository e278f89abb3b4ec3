package grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Our JSON report, written atomically (a reader never sees half a file). */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static Path write(GradeReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("report.json");
        Path tmp = Files.createTempFile(dir, "report", ".json.tmp");
        JSON.writeValue(tmp.toFile(), report);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    public static GradeReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), GradeReport.class);
    }
}
