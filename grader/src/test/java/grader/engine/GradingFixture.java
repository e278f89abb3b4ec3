package grader.engine;

import grader.report.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Grades folders with the real engine and the jars `mvn package` built (grader.home = grader/target). */
final class GradingFixture {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final Path SUBMISSIONS = REPO.resolve("grader/src/test/resources/submissions");

    private GradingFixture() {}

    static GradeReport grade(Path submission, List<String> exercises, boolean hidden) throws IOException, InterruptedException {
        GraderHome home = GraderHome.locate();
        Path work = Files.createTempDirectory("grader-it-");
        GradeRequest request = new GradeRequest(submission, exercises, hidden ? home.hiddenJar() : java.util.Optional.empty(),
                6, Duration.ofSeconds(60), Duration.ofSeconds(300), work);
        return new Grader(home).grade(request);
    }

    static GradeReport.ExerciseReport only(GradeReport report) {
        if (report.exercises().size() != 1) {
            throw new AssertionError("expected one exercise in the report, got " + report.exercises().size());
        }
        return report.exercises().get(0);
    }

    /** The verdict line and its evidence, for assertion messages. */
    static String explain(GradeReport.ExerciseReport e) {
        return e.id() + " " + e.score() + "/" + e.maxScore() + " verdict=" + e.verdict().id() + ": " + e.verdict().summary()
                + " | stages=" + e.stages() + " | failing tests=" + e.tests().stream().filter(t -> !"passed".equals(t.status()))
                .map(t -> t.name() + ": " + t.message()).toList();
    }
}
