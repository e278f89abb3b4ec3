package grader.engine.calibrate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.engine.calibrate.Expected.Share;
import grader.report.GradeReport;
import grader.values.Site;
import grader.verdict.ModelVerdict;
import grader.verdict.Severity;
import grader.verdict.VerdictId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison of a report with its labels (report schema 2: the model and every flaw), and the confusion table printed from it. */
class ConfusionTableTest {

    static Expected expected(String exercise, String model, List<String> flaws, Share modelPoints) {
        return new Expected(exercise, model, flaws, modelPoints, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * A report of one exercise whose verdict is {@code label} ("fixed-pool + leaked-threads": the model, "?" for none,
     * then its flaws) with the given points earned (of 6, 9 and 1).
     */
    static GradeReport.ExerciseReport report(String label, double functional, double model, String summary, Site site) {
        GradeReport.Points points = new GradeReport.Points(new GradeReport.Part(functional, 6, ""), new GradeReport.Part(model, 9, ""),
                new GradeReport.Part(1, 1, ""));
        return new GradeReport.ExerciseReport("fetch", "Fetch", functional + model + 1, 16, points, "", List.of(),
                verdict(label, model > 0 ? Severity.INFO : Severity.FAIL, model / 9, summary, site), List.of(), List.of());
    }

    static ModelVerdict verdict(String label, Severity severity, double share, String summary, Site site) {
        List<String> ids = List.of(label.split(" \\+ "));
        VerdictId model = "?".equals(ids.get(0)) ? null : VerdictId.of(ids.get(0)).orElseThrow();
        List<ModelVerdict.Flaw> flaws = ids.subList(1, ids.size()).stream()
                .map(f -> new ModelVerdict.Flaw(VerdictId.of(f).orElseThrow(), summary, null, site)).toList();
        return new ModelVerdict(model, flaws, severity, share, summary, "why", "hint", site, List.of());
    }

    static final LayIn.LaidIn NO_LINES = new LayIn.LaidIn(Path.of("x"), List.of(
            new LayIn.FileMap("WordCounter.java", List.of(new LayIn.Piece(5, 40, 10)))));

    @Test
    void theModelAndEveryFlawAreCompared() {
        Outcome model = Outcome.compare("right/a", expected("fetch", "fixed-pool", List.of(), Share.FULL), report("fixed-pool", 6, 9, "", null), NO_LINES);
        Outcome flaws = Outcome.compare("wrong/b", expected("fetch", "fixed-pool", List.of("hard-coded-pool-size", "leaked-threads"), Share.NONE),
                report("fixed-pool + hard-coded-pool-size + leaked-threads", 6, 0, "", null), NO_LINES);
        Outcome oneFlawMissing = Outcome.compare("wrong/b", expected("fetch", "fixed-pool", List.of("hard-coded-pool-size", "leaked-threads"), Share.NONE),
                report("fixed-pool + hard-coded-pool-size", 6, 0, "", null), NO_LINES);
        Outcome wrongModel = Outcome.compare("wrong/c", expected("fetch", "sequential", List.of(), Share.NONE),
                report("serialized", 6, 0, "", null), NO_LINES);
        Outcome flawForModel = Outcome.compare("wrong/d", expected("fetch", "fixed-pool", List.of("leaked-threads"), Share.NONE),
                report("fixed-pool", 6, 9, "", null), NO_LINES);
        Outcome noModel = Outcome.compare("wrong/e", expected("fetch", "fixed-pool", List.of("not-implemented"), Share.NONE),
                report("? + not-implemented", 0, 0, "", null), NO_LINES);
        assertAll(
                () -> assertEquals(List.of(), model.mismatches()),
                () -> assertEquals(List.of(), flaws.mismatches()),
                () -> assertEquals(List.of("verdict: expected fixed-pool + hard-coded-pool-size + leaked-threads, got fixed-pool + hard-coded-pool-size"),
                        oneFlawMissing.mismatches()),
                () -> assertEquals(List.of("verdict: expected sequential, got serialized"), wrongModel.mismatches()),
                () -> assertEquals(List.of("verdict: expected fixed-pool + leaked-threads, got fixed-pool", "modelPoints: expected none, got full"),
                        flawForModel.mismatches()),
                () -> assertEquals(List.of("verdict: expected fixed-pool + not-implemented, got ? + not-implemented"), noModel.mismatches()));
    }

    @Test
    void optionalLabelsAreComparedAndTheLearnersLineIsMappedThroughTheFragment() {
        Expected x = new Expected("lock", "fixed-pool", List.of("global-lock"), Share.NONE, Optional.of(Share.FULL), Optional.of(Share.FULL),
                List.of("BLOCKED", "lock"), Optional.of(new Expected.SiteExpectation("WordCounter.java", 7)));
        Site line42 = new Site("course.lock.WordCounter", "count", "WordCounter.java", 42);
        Site line43 = new Site("course.lock.WordCounter", "count", "WordCounter.java", 43);
        Outcome agrees = Outcome.compare("wrong/l", x, report("fixed-pool + global-lock", 6, 0, "2 workers BLOCKED on one lock", line42), NO_LINES);
        Outcome differs = Outcome.compare("wrong/l", x, report("fixed-pool + global-lock", 3, 0, "2 workers waited", line43), NO_LINES);
        assertAll(
                () -> assertEquals(List.of(), agrees.mismatches()),
                () -> assertEquals(List.of(
                        "functionalPoints: expected full, got partial",
                        "sentenceContains: \"BLOCKED\" is not in \"2 workers waited\"",
                        "sentenceContains: \"lock\" is not in \"2 workers waited\"",
                        "site: expected WordCounter.java line 7 (laid-in line 42), got course.lock.WordCounter.count(WordCounter.java:43) (its line 8)"),
                        differs.mismatches()));
    }

    @Test
    void theTablePutsAgreementOnTheDiagonalAndListsEachMismatch() {
        List<Outcome> outcomes = List.of(
                Outcome.compare("right/a", expected("fetch", "fixed-pool", List.of(), Share.FULL), report("fixed-pool", 6, 9, "", null), NO_LINES),
                Outcome.compare("right/b", expected("fetch", "fixed-pool", List.of(), Share.FULL), report("fixed-pool", 6, 9, "", null), NO_LINES),
                Outcome.compare("wrong/c", expected("fetch", "sequential", List.of(), Share.NONE), report("serialized", 6, 0, "", null), NO_LINES),
                Outcome.compare("wrong/d", expected("compute", "fixed-pool", List.of("hard-coded-pool-size"), Share.NONE),
                        report("fixed-pool + hard-coded-pool-size", 6, 0, "", null), NO_LINES),
                new Outcome("wrong/e", expected("compute", "sequential", List.of(), Share.NONE), null, null, List.of("not graded: the test JVM died")));
        StringWriter text = new StringWriter();
        ConfusionTable table = new ConfusionTable(outcomes);
        table.print(new PrintWriter(text));
        assertEquals(expectedTable(), text.toString());
        assertEquals(List.of("wrong/c", "wrong/e"), table.mismatches().stream().map(Outcome::name).toList());
    }

    private static String expectedTable() {
        return """
                fetch: 3 labelled, 2 as expected
                  expected \\ got      1   2
                  fixed-pool (full)   2   .
                  sequential (none)   .   1
                  got: 1 fixed-pool (full), 2 serialized (none)
                compute: 2 labelled, 1 as expected
                  expected \\ got                             1   2
                  fixed-pool + hard-coded-pool-size (none)   1   .
                  sequential (none)                          .   1
                  got: 1 fixed-pool + hard-coded-pool-size (none), 2 not graded
                not as expected:
                  wrong/c (fetch): verdict: expected sequential, got serialized
                  wrong/e (compute): not graded: the test JVM died
                5 labelled submissions: 3 as expected, 2 not
                """;
    }
}
