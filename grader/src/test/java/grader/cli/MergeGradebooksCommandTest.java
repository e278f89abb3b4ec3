package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.Gradebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge-gradebooks} from the command line: the merged gradebook and the class page of the whole class. */
class MergeGradebooksCommandTest {

    static Gradebook shard(Path dir, String learner, String flaw) throws Exception {
        Files.createDirectories(dir.resolve(learner));
        Files.writeString(dir.resolve(learner).resolve("report.html"), "<!DOCTYPE html>");
        Gradebook.Cell cell = new Gradebook.Cell(7, 15, flaw, "fixed-pool", List.of(flaw));
        Gradebook book = new Gradebook(Gradebook.SCHEMA_VERSION, List.of("fetch"),
                List.of(new Gradebook.Row(learner, "graded", 7, 15, Map.of("fetch", cell), null)));
        book.write(dir);
        return book;
    }

    @Test
    void mergingShardsWritesTheClassPageLinkingEachLearnerToTheReportBesideTheirShard(@TempDir Path dir) throws Exception {
        shard(dir.resolve("out/shard-1"), "ann", "leaked-threads");
        shard(dir.resolve("out/shard-2"), "bo", "leaked-threads");
        CliRun run = CliRun.run("merge-gradebooks", dir.resolve("out/shard-1").toString(),
                dir.resolve("out/shard-2/gradebook.json").toString(), "--out", dir.resolve("gradebook").toString());
        String page = Files.readString(dir.resolve("gradebook/class.html"));
        assertAll(
                () -> assertEquals(0, run.code(), run.err()),
                () -> assertTrue(run.out().contains("class.html"), run.out()),
                () -> assertTrue(Files.readString(dir.resolve("gradebook/gradebook.csv")).contains("\r\nbo,graded,"), "both learners"),
                () -> assertTrue(page.contains("<tr data-id=\"leaked-threads\" data-count=\"2\">"), "the flaw counted over both shards"),
                () -> assertTrue(page.contains("href=\"../out/shard-1/ann/report.html#ex-fetch\">ann</a>"), page),
                () -> assertTrue(page.contains("href=\"../out/shard-2/bo/report.html#ex-fetch\">bo</a>"), page),
                () -> assertFalse(page.contains("<script"), "no script"));
    }
}
