package grader.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.Gradebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole class, graded at once and in shards: the same gradebook either way, and no submission stops the rest. */
class ClassGradingIT {
    static final List<String> BOTH = List.of("fetch", "compute");
    static final String FORMULA = "=HYPERLINK(\"http:x\")";
    @TempDir
    static Path root;
    static Path classDir;
    static Gradebook unsharded;

    @BeforeAll
    static void gradeTheClassOnce() throws Exception {
        classDir = root.resolve("class");
        copy(GradingFixture.REPO.resolve("solutions/src"), classDir.resolve("alice/src"));
        copy(GradingFixture.layIn("wrong/fetch-pool-never-shut-down").resolve("src"), classDir.resolve("bob/src"));
        copy(GradingFixture.layIn("wrong/compute-hard-coded-pool-2").resolve("src"), classDir.resolve("bob/src"));
        copy(GradingFixture.layIn("broken/fetch-compile-error").resolve("src"), classDir.resolve("carol/src"));
        Files.createDirectories(classDir.resolve("dave"));
        // A folder name a spreadsheet would run as a formula, with a file that is no exercise source: not submitted.
        Files.createDirectories(classDir.resolve(FORMULA));
        Files.writeString(classDir.resolve(FORMULA).resolve("notes.txt"), "nothing here");
        unsharded = grade(Shard.ALL, root.resolve("all"));
    }

    static Gradebook grade(Shard shard, Path reports) throws IOException, InterruptedException {
        GraderHome home = GraderHome.locate();
        GradeRequest template = new GradeRequest(classDir, BOTH, home.hiddenJar(), 6, Duration.ofSeconds(60), Duration.ofSeconds(300), classDir);
        List<ClassGrader.Progress> seen = new ArrayList<>();
        Gradebook book = new ClassGrader(new Grader(home)).grade(
                new ClassGrader.ClassRequest(classDir, reports, shard, 2, List.of(), grader.report.Audience.STAFF, template), seen::add);
        assertEquals(book.rows().size(), seen.size(), "one progress event per learner");
        return book;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }

    static Gradebook.Row row(Gradebook book, String learner) {
        return book.rows().stream().filter(r -> r.learner().equals(learner)).findFirst().orElseThrow();
    }

    @Test
    void everyLearnerGetsARowWithScoresAndVerdictsEvenWhenTheirCodeIsBroken() {
        Gradebook.Row alice = row(unsharded, "alice");
        Gradebook.Row bob = row(unsharded, "bob");
        Gradebook.Row carol = row(unsharded, "carol");
        Gradebook.Row dave = row(unsharded, "dave");
        assertAll(
                () -> assertEquals(List.of(FORMULA, "alice", "bob", "carol", "dave"), unsharded.rows().stream().map(Gradebook.Row::learner).toList()),
                () -> assertEquals(30.0, alice.score()),
                () -> assertEquals("fixed-pool", alice.exercises().get("fetch").verdict()),
                () -> assertEquals("leaked-threads", bob.exercises().get("fetch").verdict()),
                () -> assertEquals("hard-coded-pool-size", bob.exercises().get("compute").verdict()),
                () -> assertEquals("compile-error", carol.exercises().get("fetch").verdict()),
                () -> assertEquals("not-submitted", carol.exercises().get("compute").verdict()),
                () -> assertEquals(Map.of("fetch", "not-submitted", "compute", "not-submitted"),
                        Map.of("fetch", dave.exercises().get("fetch").verdict(), "compute", dave.exercises().get("compute").verdict())),
                () -> assertEquals(List.of("not-submitted", "graded", "graded", "graded", "not-submitted"),
                        unsharded.rows().stream().map(Gradebook.Row::status).toList(), "an empty folder is not a graded 0"),
                () -> assertEquals("fixed-pool", alice.exercises().get("fetch").model()),
                () -> assertEquals(List.of("compile-error"), carol.exercises().get("fetch").flaws()),
                () -> assertTrue(Files.isRegularFile(root.resolve("all/alice/report.json"))),
                () -> assertTrue(Files.isRegularFile(root.resolve("all/alice/report.html")), "class.html links to it"),
                () -> assertTrue(Files.readString(root.resolve("all/gradebook.csv")).startsWith(
                        "learner,status,total,max,fetch,fetch_verdict,fetch_model,fetch_flaws,compute,compute_verdict,compute_model,compute_flaws,"
                                + "error\r\n\"'=HYPERLINK(\"\"http:x\"\")\",not-submitted,0,30,0,not-submitted,,not-submitted,0,not-submitted,,"
                                + "not-submitted,\r\nalice,graded,30,30,15,fixed-pool,fixed-pool,,15,common-pool,common-pool,,\r\n")),
                () -> assertTrue(Files.readString(root.resolve("all/class.html")).contains("<a class=\"learner\" href=\"bob/report.html#ex-fetch\">bob</a>"),
                        "the class page links bob's leaked threads to his report"));
    }

    @Test
    void threeShardsMergeIntoTheUnshardedGradebook() throws Exception {
        List<Gradebook> parts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            parts.add(grade(new Shard(i, 3), root.resolve("shard-" + i)));
        }
        Gradebook merged = Gradebook.merge(parts);
        assertAll(
                () -> assertEquals(List.of(2, 2, 1), parts.stream().map(p -> p.rows().size()).toList(), "round-robin over sorted learners"),
                () -> assertEquals(unsharded, merged),
                () -> assertEquals(unsharded.csv(), merged.csv()));
        // The merge writes the class page too, linking each learner to the report beside their shard's gradebook.
        Path out = root.resolve("merged");
        merged.write(out, List.of(root.resolve("shard-1"), root.resolve("shard-2"), root.resolve("shard-3")));
        String page = Files.readString(out.resolve("class.html"));
        assertAll(
                () -> assertTrue(Files.isRegularFile(root.resolve("shard-3/bob/report.html")), "bob is the third learner: shard 3"),
                () -> assertTrue(page.contains("href=\"../shard-3/bob/report.html#ex-fetch\""), "merged links reach the shards' reports"),
                () -> assertEquals(Files.readString(root.resolve("all/class.html")).replaceAll("href=\"[^\"]*\"", ""),
                        page.replaceAll("href=\"[^\"]*\"", ""), "the merged class page shows what the unsharded one shows"));
    }
}
