package grader.hidden.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.lock.WordCounter;
import grader.checks.lock.LockText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("hidden")
class LockHiddenTest {

    @Test
    void losesNoCountWhenFourWorkersHammerFourWords() {
        // 120,000 words over 4 distinct ones, three times: a HashMap shared without a lock loses counts (or throws).
        // Which model a submission has is the model check's business (it sees the map's updates themselves); this test
        // only has to give a lost update room to show, and more words cost every submission CPU (issue 15).
        List<String> lines = LockText.lines(20_000, 4);
        Map<String, Long> expected = LockText.counts(lines);
        for (int round = 0; round < 3; round++) {
            assertEquals(expected, WordCounter.count(lines, 4), "round " + round + " of 3, threads = 4");
        }
    }

    @Test
    void countsManyDistinctWordsWithSixWorkers() {
        List<String> lines = LockText.lines(12_000, 600);
        assertEquals(LockText.counts(lines), WordCounter.count(lines, 6));
    }

    @Test
    void oneWorkerCountsEverything() {
        List<String> lines = LockText.lines(500, 9);
        assertEquals(LockText.counts(lines), WordCounter.count(lines, 1));
    }

    @Test
    void separatorsAndCaseFollowTheContract() {
        List<String> lines = List.of("ÀB1ab_Ab ab'AB", "", "---", "Straße STRASSE straße", "x");
        assertEquals(Map.of("àb", 1L, "ab", 4L, "straße", 2L, "strasse", 1L, "x", 1L), WordCounter.count(lines, 3));
    }

    @Test
    void checksThreadsBeforeReading() {
        assertThrows(IllegalArgumentException.class, () -> WordCounter.count(List.of("a"), 0));
        assertThrows(NullPointerException.class, () -> WordCounter.count(null, 1));
    }
}
