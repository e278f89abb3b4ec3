package grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The formats the grader writes; {@code json} (our report) is always written. */
public final class Exporters {
    private Exporters() {}

    /** Every format, by id: one record each. Add a new format here. */
    public static final List<Exporter> ALL = List.of(
            Exporter.of("json", JsonReport.FILE,
                    JsonReport.FILE + ": the grader's own report (schemaVersion " + GradeReport.SCHEMA_VERSION + ")", false, JsonReport::bytes),
            Exporter.of("gradescope", GradescopeExporter.FILE,
                    GradescopeExporter.FILE + ": Gradescope's autograder results (scored parts plus a line per test)", true,
                    GradescopeExporter::render),
            new Exporter("classroom", ClassroomExporter.FILE,
                    ClassroomExporter.FILE + ": GitHub Classroom's runner results, one runner per exercise part (also in $GITHUB_OUTPUT)",
                    false, ClassroomExporter::render, rendered -> ClassroomExporter.publish(rendered, System::getenv)),
            Exporter.of("junit", JUnitXmlExporter.FILE, JUnitXmlExporter.FILE + ": JUnit XML (Surefire's shape) for CI test reports", false,
                    JUnitXmlExporter::render),
            Exporter.of("markdown", MarkdownExporter.FILE, MarkdownExporter.FILE + ": Markdown summary for a CI job summary ($GITHUB_STEP_SUMMARY)",
                    false, r -> MarkdownExporter.render(r).getBytes(StandardCharsets.UTF_8)),
            Exporter.of("html", HtmlPage.FILE,
                    HtmlPage.FILE + ": one self-contained page for people, with a timeline of the threads per scenario", false,
                    r -> HtmlPage.render(r).getBytes(StandardCharsets.UTF_8)));

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

    /** Writes the report in every format asked for, for the audience; {@code json} first, whether asked or not. */
    public static Map<String, Path> writeAll(GradeReport report, Path dir, List<String> formats, Audience audience) throws IOException {
        Map<String, Path> written = new LinkedHashMap<>();
        List<String> all = new java.util.ArrayList<>(List.of("json"));
        all.addAll(formats);
        for (String f : all) {
            if (!written.containsKey(f)) {
                Exporter e = byId(f).orElseThrow(() -> new IllegalArgumentException("unknown format " + f + "; known: " + ids()));
                written.put(f, e.write(report, dir, audience));
            }
        }
        return written;
    }
}
