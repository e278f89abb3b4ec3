package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one visibility policy: what every format shows learners and staff. */
class AudienceTest {
    static final String INTERNAL = "/tmp/grader-4711/test-jvm/jvm-1/classes/course/fetch/StatusFetcher.class";

    /** The sample partial submission, its failing public test's message naming a file in the grader's work folder. */
    static GradeReport withInternalPath() {
        GradeReport r = SampleReports.belowFullMarks();
        List<GradeReport.ExerciseReport> exercises = new ArrayList<>();
        for (GradeReport.ExerciseReport e : r.exercises()) {
            exercises.add(new GradeReport.ExerciseReport(e.id(), e.title(), e.score(), e.maxScore(), e.points(), e.formula(), e.stages(),
                    e.verdict(), e.statics(), e.tests().stream().map(t -> "rejectsNull".equals(t.method())
                    ? new GradeReport.TestResult(t.id(), t.name(), t.kind(), t.className(), t.method(), t.status(), t.visibility(),
                    "cannot read " + INTERNAL + " nor /tmp/submission/src/main/java/course/fetch/StatusFetcher.java, see https://example.org/a/b",
                    t.trace(), t.durationMillis(), t.site()) : t).toList()));
        }
        return new GradeReport(r.schemaVersion(), r.grader(), r.submission(), r.gradedAt(), r.environment(), exercises, r.score(),
                r.maxScore(), r.graderError());
    }

    /** {@return what the format holds, as text (Classroom's runners decoded from base64)} */
    static String text(Exporter e, GradeReport report, Audience audience) throws IOException {
        String text = new String(e.render(report, audience), StandardCharsets.UTF_8);
        if (!"classroom".equals(e.id())) {
            return text;
        }
        return ClassroomExporterTest.runners(text).toString();
    }

    @Test
    void learnersSeeNoHiddenTestsDetailsAndNoGraderPathsInAnyFormatButGradescopesOwnEntries() throws IOException {
        GradeReport report = withInternalPath();
        for (Exporter e : Exporters.ALL) {
            String learner = text(e, report, Audience.LEARNER);
            String staff = text(e, report, Audience.STAFF);
            String shown = e.visibilityApplied() ? learner.replaceAll("(?s)\"name\" : \"fetch: hidden test FetchHiddenTest.secretCase\".*?\\}", "")
                    : learner;
            assertAll(e.id(),
                    () -> assertFalse(shown.contains("hidden message"), "a hidden test's message"),
                    () -> assertFalse(shown.contains("StatusFetcher.java:31"), "a hidden test's line"),
                    () -> assertFalse(learner.contains("/tmp/grader-4711"), "the grader's work folder"),
                    () -> assertTrue(learner.contains("\u2026/StatusFetcher.class"), "the file is still named"),
                    () -> assertTrue(learner.contains("/tmp/submission/src/main/java/course/fetch/StatusFetcher.java"), "the learner's own path stays"),
                    () -> assertTrue(learner.contains("https://example.org/a/b"), "a URL is no path"),
                    () -> assertTrue(staff.contains("hidden message") || "classroom".equals(e.id()), "staff see everything"));
        }
        assertTrue(text(Exporters.byId("gradescope").orElseThrow(), report, Audience.LEARNER).contains("hidden message"),
                "Gradescope's hidden test entry keeps its details: Gradescope withholds the entry by its visibility");
    }

    @Test
    void theHtmlPageFollowsThePolicyToo() throws IOException {
        String learner = text(Exporters.byId("html").orElseThrow(), SampleReports.belowFullMarks(), Audience.LEARNER);
        String staff = text(Exporters.byId("html").orElseThrow(), SampleReports.belowFullMarks(), Audience.STAFF);
        assertAll(
                () -> assertFalse(learner.contains("hidden message"), "issue 13: the page showed hidden tests' messages"),
                () -> assertTrue(learner.contains("details not shown yet: shown after due date")),
                () -> assertTrue(learner.contains("312 ms"), "the sleeper's time"),
                () -> assertTrue(staff.contains("hidden message: expected -1")));
    }

    @Test
    void reportJsonSaysWhoItIsFor() throws IOException {
        String learner = text(Exporters.byId("json").orElseThrow(), SampleReports.belowFullMarks(), Audience.LEARNER);
        String staff = text(Exporters.byId("json").orElseThrow(), SampleReports.belowFullMarks(), Audience.STAFF);
        assertAll(
                () -> assertTrue(learner.contains("\"audience\" : \"learner\"")),
                () -> assertFalse(learner.contains("hidden message")),
                () -> assertTrue(learner.contains("\"durationMillis\" : 312")),
                () -> assertTrue(staff.contains("\"audience\" : \"staff\"")),
                () -> assertTrue(staff.contains("hidden message")));
    }

    @Test
    void aProcessCommandKeepsNoFolderOfTheGrader() {
        Evidence.ProcessSeen p = new Evidence.ProcessSeen(List.of("/usr/lib/jvm/jdk-25/bin/java", "-cp",
                "/tmp/grader-4711/test-jvm/classes:/opt/grader/grader.jar:lib/x.jar", "-Dx=1/2", "Worker"), null);
        assertEquals(List.of("\u2026/java", "-cp", "\u2026/classes:\u2026/grader.jar:lib/x.jar", "-Dx=1/2", "Worker"), p.command());
    }

    @Test
    void pathsInTextKeepTheirLastNameOnly() {
        Audience.Paths paths = new Audience.Paths("/home/learner/exercises");
        assertAll(
                () -> assertEquals("at \u2026/Foo.java:3 and /home/learner/exercises/src/A.java", paths.hide(
                        "at /tmp/grader-1/work/Foo.java:3 and /home/learner/exercises/src/A.java")),
                () -> assertEquals("1/2 and a/b/c and http://x.org/a/b", paths.hide("1/2 and a/b/c and http://x.org/a/b")),
                () -> assertEquals("cp \u2026/a.jar:\u2026/b", paths.hide("cp /opt/g/a.jar:/opt/g/b/")),
                () -> assertEquals(null, paths.hide(null)));
    }

    @Test
    void anUnknownAudienceIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Audience.of("teacher"));
        assertEquals("unknown audience 'teacher'; known: staff, learner", e.getMessage());
    }
}
