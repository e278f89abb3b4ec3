package grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import grader.verdict.ModelVerdict;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole class's results, one row per learner, taken from each learner's {@link GradeReport} (the
 * same totals every other format shows). Written as {@code gradebook.json} and {@code gradebook.csv};
 * it holds no timestamps or durations, so the gradebooks of shards merge into exactly the gradebook
 * of one unsharded run.
 *
 * @param schemaVersion bumped on any incompatible change
 * @param exercises     the exercise ids, in column order
 * @param rows          one per learner, sorted by learner
 */
public record Gradebook(int schemaVersion, List<String> exercises, List<Row> rows) {
    public static final int SCHEMA_VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Gradebook {
        exercises = List.copyOf(exercises);
        rows = rows.stream().sorted(Comparator.comparing(Row::learner)).toList();
    }

    /**
     * @param learner   the submission folder's name
     * @param status    {@code graded}; {@code not-submitted} (no exercise has a source file in the folder: nothing
     *                  was attempted, so it is not a graded 0); or {@code grader-error} (the grader could not grade
     *                  it; see {@code error})
     * @param score     total earned
     * @param maxScore  total possible
     * @param exercises per exercise id: score, maximum and verdict id
     * @param error     why it could not be graded, or null
     */
    public record Row(String learner, String status, double score, double maxScore, Map<String, Cell> exercises, String error) {
        public Row {
            exercises = exercises == null ? Map.of() : new LinkedHashMap<>(exercises);
        }
    }

    /**
     * @param verdict the id that heads the verdict (its first flaw, or its model)
     * @param model   the model that ran, or null when none could be seen
     * @param flaws   the flaws found on it, in order
     */
    public record Cell(double score, double maxScore, String verdict, String model, List<String> flaws) {
        public Cell {
            flaws = flaws == null ? List.of() : List.copyOf(flaws);
        }
    }

    /** The row of one graded learner. */
    public static Row row(String learner, GradeReport report) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (GradeReport.ExerciseReport e : report.exercises()) {
            cells.put(e.id(), cell(e));
        }
        boolean nothing = !cells.isEmpty() && cells.values().stream().allMatch(c -> c.flaws().contains(NOT_SUBMITTED));
        return new Row(learner, report.graderError() != null ? "grader-error" : nothing ? NOT_SUBMITTED : "graded",
                report.score(), report.maxScore(), cells, report.graderError());
    }

    /** The verdict id the grader gives an exercise with no source file, and the status of a folder with none at all. */
    public static final String NOT_SUBMITTED = "not-submitted";

    /** The one place that reads an exercise's model and flaws from its verdict (report schema 2: a model plus flaws). */
    static Cell cell(GradeReport.ExerciseReport e) {
        ModelVerdict v = e.verdict();
        if (v == null) {
            return new Cell(e.score(), e.maxScore(), null, null, List.of());
        }
        return new Cell(e.score(), e.maxScore(), v.id(), v.modelId(), v.flawIds());
    }

    /** The row of a learner the grader could not grade at all. */
    public static Row failed(String learner, String why) {
        return new Row(learner, "grader-error", 0, 0, Map.of(), why);
    }

    /** Merges the gradebooks of shards; a learner in two of them is an error (the shards overlap). */
    public static Gradebook merge(List<Gradebook> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no gradebooks to merge");
        }
        List<String> exercises = parts.get(0).exercises();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Gradebook g : parts) {
            if (g.schemaVersion() != SCHEMA_VERSION) {
                throw new IllegalArgumentException("gradebook schema " + g.schemaVersion() + " is not " + SCHEMA_VERSION);
            }
            if (!g.exercises().equals(exercises)) {
                throw new IllegalArgumentException("gradebooks grade different exercises: " + exercises + " and " + g.exercises());
            }
            for (Row r : g.rows()) {
                if (!seen.add(r.learner())) {
                    throw new IllegalArgumentException("learner " + r.learner() + " is in more than one gradebook: do the shards overlap?");
                }
                rows.add(r);
            }
        }
        return new Gradebook(SCHEMA_VERSION, exercises, rows);
    }

    /** Writes {@code gradebook.json}, {@code gradebook.csv} and {@code class.html} into {@code dir}, where the learners' reports are. */
    public void write(Path dir) throws IOException {
        write(dir, List.of(dir));
    }

    /**
     * Writes {@code gradebook.json}, {@code gradebook.csv} and {@code class.html} into {@code dir}; the class page links
     * each learner to {@code <learner>/report.html} in the first of {@code reportDirs} that holds it (a merge of shards
     * passes each shard's folder), relative to {@code dir}.
     */
    public void write(Path dir, List<Path> reportDirs) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("gradebook.json").toFile(), this);
        Files.writeString(dir.resolve("gradebook.csv"), csv(), StandardCharsets.UTF_8);
        ReportFiles.write(dir, ClassPage.FILE, ClassPage.render(this, learner -> reportLink(dir, reportDirs, learner)));
    }

    /** {@return the URL of a learner's report.html relative to {@code dir}, each path segment percent-encoded, or null} */
    static String reportLink(Path dir, List<Path> reportDirs, String learner) {
        for (Path reports : reportDirs) {
            Path page = reports.resolve(learner).resolve(HtmlPage.FILE).toAbsolutePath().normalize();
            if (Files.isRegularFile(page)) {
                List<String> segments = new ArrayList<>();
                for (Path segment : dir.toAbsolutePath().normalize().relativize(page)) {
                    segments.add(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
                }
                return String.join("/", segments);
            }
        }
        return null;
    }

    public static Gradebook read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Gradebook.class);
    }

    /** {@code learner,status,total,max,<id>,<id>_verdict,<id>_model,<id>_flaws,...,error}, RFC 4180 quoting; flaws are space-separated. */
    public String csv() {
        StringBuilder b = new StringBuilder("learner,status,total,max");
        for (String id : exercises) {
            b.append(',').append(id).append(',').append(id).append("_verdict").append(',').append(id).append("_model")
                    .append(',').append(id).append("_flaws");
        }
        b.append(",error\r\n");
        for (Row r : rows) {
            b.append(quote(r.learner())).append(',').append(r.status()).append(',').append(Scores.format(r.score())).append(',').append(Scores.format(r.maxScore()));
            for (String id : exercises) {
                Cell c = r.exercises().get(id);
                b.append(',').append(c == null ? "" : Scores.format(c.score())).append(',').append(c == null || c.verdict() == null ? "" : quote(c.verdict()))
                        .append(',').append(c == null || c.model() == null ? "" : quote(c.model()))
                        .append(',').append(c == null ? "" : quote(String.join(" ", c.flaws())));
            }
            b.append(',').append(r.error() == null ? "" : quote(r.error())).append("\r\n");
        }
        return b.toString();
    }

    /**
     * {@return {@code s} as one CSV cell}: RFC 4180 quoting, and a text that a spreadsheet would run as a formula
     * (it starts with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe inside quotes, as
     * OWASP's CSV-injection guidance says, so a learner's folder named {@code =HYPERLINK(...)} shows as text.
     */
    static String quote(String s) {
        boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        if (formula || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + (formula ? "'" : "") + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

}
