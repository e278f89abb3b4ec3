package grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The formats the grader writes; {@code json} (our report) is always written. */
public final class Exporters {
    private Exporters() {}

    /** Every exporter, by id. Add a new format here. */
    public static final List<Exporter> ALL = List.of(
            new JsonExporter(),
            new GradescopeExporter(), new ClassroomExporter(), new JUnitXmlExporter(), new MarkdownExporter(),
            new HtmlExporter());

    public static Optional<Exporter> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(Exporter::id).toList();
    }

    /** The one word beside the report for build steps (the CLI writes it: {@code full-marks}, {@code below-full-marks}...). */
    public static final String OUTCOME_FILE = "outcome.txt";

    /** Every file name a grading run may write into its report folder: each exporter's, and {@link #OUTCOME_FILE}. */
    public static List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>(ALL.stream().map(Exporter::fileName).toList());
        names.add(OUTCOME_FILE);
        return names;
    }

    /**
     * Deletes what an earlier run (or the submission itself: a learner can commit a fake {@code results.json} into the
     * report folder) left under any of {@link #fileNames()}, so a pipeline never reads a file this run did not write,
     * even when this run fails before writing it.
     */
    public static void clearStale(Path dir) throws IOException {
        for (String name : fileNames()) {
            java.nio.file.Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** Writes the report in every format asked for; {@code json} first, whether asked or not. */
    public static Map<String, Path> writeAll(GradeReport report, Path dir, List<String> formats) throws IOException {
        Map<String, Path> written = new LinkedHashMap<>();
        written.put("json", JsonReport.write(report, dir));
        for (String f : formats) {
            if (!written.containsKey(f)) {
                Exporter e = byId(f).orElseThrow(() -> new IllegalArgumentException("unknown format " + f + "; known: " + ids()));
                written.put(f, e.write(report, dir));
            }
        }
        return written;
    }

    /** Our JSON report, {@code report.json}. */
    static final class JsonExporter implements Exporter {
        @Override
        public String id() {
            return "json";
        }

        @Override
        public String description() {
            return "report.json: the grader's own report (schemaVersion " + GradeReport.SCHEMA_VERSION + ")";
        }

        @Override
        public String fileName() {
            return JsonReport.FILE;
        }

        @Override
        public Path write(GradeReport report, Path dir) throws IOException {
            return JsonReport.write(report, dir);
        }
    }
}
