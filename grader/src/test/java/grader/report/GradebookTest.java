package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
