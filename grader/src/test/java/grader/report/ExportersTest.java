package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportersTest {

    @Test
    void eachExporterWritesTheOneFileItNames(@TempDir Path dir) throws IOException {
        for (Exporter e : Exporters.ALL) {
            Path out = dir.resolve(e.id());
            assertEquals(out.resolve(e.fileName()), e.write(SampleReports.belowFullMarks(), out, Audience.LEARNER), e.id());
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(e.fileName()), files.map(p -> p.getFileName().toString()).toList(), e.id());
            }
        }
    }

    @Test
    void staleFilesAreEveryExportersAndTheOutcome(@TempDir Path dir) throws IOException {
        assertEquals(List.of("report.json", "results.json", "classroom-result.txt", "TEST-grader.xml", "summary.md", "report.html",
                "outcome.txt"), Exporters.fileNames());
        for (String name : Exporters.fileNames()) {
            Files.writeString(dir.resolve(name), "planted");
        }
        Files.writeString(dir.resolve("notes.txt"), "the learner's own");
        Exporters.clearStale(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("notes.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
