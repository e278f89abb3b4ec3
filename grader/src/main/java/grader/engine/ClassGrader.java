package grader.engine;

import grader.report.Audience;
import grader.report.Exporters;
import grader.report.GradeReport;
import grader.report.Gradebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Grades a whole class: every sub-folder of a folder is one learner's submission. At most
 * {@code jobs} submissions are graded at once (each in its own test JVM); one that fails to grade
 * gets a row saying why and never stops the others.
 */
public final class ClassGrader {
    private final Grader grader;

    public ClassGrader(Grader grader) {
        this.grader = grader;
    }

    /**
     * What to grade.
     *
     * @param classDir  one sub-folder per learner
     * @param reportDir where each learner's reports ({@code <learner>/report.json}) and the gradebook go
     * @param shard     this run's shard
     * @param jobs      submissions graded at once, 1 or more
     * @param formats   extra report formats per learner
     * @param audience  who the reports are for
     * @param template  the per-submission request; its submission and work folder are replaced per learner
     */
    public record ClassRequest(Path classDir, Path reportDir, Shard shard, int jobs, List<String> formats, Audience audience,
                               GradeRequest template) {
        public ClassRequest {
            formats = List.copyOf(formats);
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be 1 or more, not " + jobs);
            }
        }
    }

    /** One learner done: for progress displays. */
    public record Progress(int done, int total, Gradebook.Row row) {}

    /** {@return the learners' folder names, sorted, that this shard grades} */
    public static List<String> learners(Path classDir, Shard shard) throws IOException {
        try (Stream<Path> kids = Files.list(classDir)) {
            List<String> all = kids.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            return shard.select(all);
        }
    }

    public Gradebook grade(ClassRequest request, Consumer<Progress> progress) throws IOException, InterruptedException {
        List<String> learners = learners(request.classDir(), request.shard());
        List<Gradebook.Row> rows = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(request.jobs())) {
            List<Future<Gradebook.Row>> futures = new ArrayList<>();
            for (String learner : learners) {
                futures.add(pool.submit(() -> gradeOne(request, learner)));
            }
            int done = 0;
            for (int i = 0; i < futures.size(); i++) {
                Gradebook.Row row;
                try {
                    row = futures.get(i).get();
                } catch (ExecutionException e) {
                    row = Gradebook.failed(learners.get(i), String.valueOf(e.getCause()));
                }
                rows.add(row);
                progress.accept(new Progress(++done, learners.size(), row));
            }
        }
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, request.template().exercises(), rows);
        book.write(request.reportDir());
        return book;
    }

    private Gradebook.Row gradeOne(ClassRequest request, String learner) {
        Path work = null;
        try {
            work = Files.createTempDirectory("grader-" + learner.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
            GradeRequest t = request.template();
            GradeRequest one = new GradeRequest(request.classDir().resolve(learner).toAbsolutePath().normalize(), t.exercises(),
                    t.hiddenJar(), t.activeProcessors(), t.perTestTimeout(), t.watchdog(), work);
            GradeReport report = grader.grade(one);
            Exporters.writeAll(report, request.reportDir().resolve(learner), request.formats(), request.audience());
            return Gradebook.row(learner, report);
        } catch (IOException | RuntimeException e) {
            return Gradebook.failed(learner, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Gradebook.failed(learner, "interrupted");
        } finally {
            if (work != null) {
                Scratch.delete(work);
            }
        }
    }

}
