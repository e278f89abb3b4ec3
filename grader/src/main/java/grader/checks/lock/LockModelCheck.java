package grader.checks.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.lock.WordCounter;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import grader.probes.ProbingList;
import grader.probes.SharedStateWatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes how {@code WordCounter.count} shares its counts. The input is the grader's {@link ProbingList}: every read
 * of a line, and every map update in the learner's code (the agent reports them), is a watched call with its thread.
 * The first call on a worker waits (at most a generous fallback) until a second worker's is in progress, so parallel
 * workers always show an overlap of 2. The agent also reports every lock the learner's code takes; once one lock that
 * several workers take has been taken for a quarter of the lines, its holder waits until another worker is blocked
 * on it, so a lock around every update shows its contention exactly. Few distinct words in many lines make every
 * worker update the same counts all the time.
 */
@Tag("model")
@DisplayName("lock: concurrency model")
class LockModelCheck {
    static final int LINES = 6_000;
    static final int DISTINCT = 8;
    static final Duration FALLBACK = Duration.ofSeconds(5);

    @Test
    @DisplayName("6,000 lines counted by workers that share no lock")
    void workersCountWithoutTakingTurns(TestReporter reporter) {
        List<String> text = LockText.lines(LINES, DISTINCT);
        Map<String, Long> expected = LockText.counts(text);
        long words = LockText.total(expected);
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, Long> result;
        try (Episode episode = Episode.begin("lock", LINES + " lines, " + words + " words, threads = " + threads,
                "counting step", LINES, "threads", threads)) {
            SharedStateWatch watch = SharedStateWatch.begin(episode, LINES, words, LINES / 4, FALLBACK);
            List<String> lines = new ProbingList<>(text, watch);
            result = EvidenceReport.observe(reporter, episode, () -> {
                try {
                    return WordCounter.count(lines, threads);
                } finally {
                    watch.close(); // its counters join the evidence before it is published
                }
            });
        }
        assertEquals(expected, result, "the count of each word");
    }
}
