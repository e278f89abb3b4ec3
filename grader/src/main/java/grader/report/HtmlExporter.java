package grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --format html}: {@code report.html}, one self-contained page (inline CSS and SVG, no script,
 * nothing fetched) with the report and a timeline of the threads per observed scenario. Written
 * atomically, like {@code report.json}.
 */
final class HtmlExporter implements Exporter {
    static final String FILE = "report.html";

    @Override
    public String id() {
        return "html";
    }

    @Override
    public String description() {
        return FILE + ": one self-contained page for people, with a timeline of the threads per scenario";
    }

    @Override
    public Path write(GradeReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE);
        Path tmp = Files.createTempFile(dir, "report", ".html.tmp");
        try {
            Files.writeString(tmp, HtmlPage.render(report), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
