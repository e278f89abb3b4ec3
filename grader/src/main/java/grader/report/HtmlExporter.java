package grader.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --format html}: {@code report.html}, one self-contained page (inline CSS and SVG, no script,
 * nothing fetched) with the report and a timeline of the threads per observed scenario. Written
 * atomically, like {@code report.json}.
 */
final class HtmlExporter implements Exporter {
    static final String FILE = "report.html";

    @Override
    public String fileName() {
        return FILE;
    }

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
        return ReportFiles.write(dir, FILE, HtmlPage.render(report));
    }
}
