package grader.checks.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.compute.FactorialSums;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes how {@code FactorialSums.computeAll} runs the given kernel. The agent wraps every call of
 * {@code sumOfFactorials}; the first call waits (at most a generous fallback) for a second one to be
 * in progress, so parallel code always shows an overlap of 2 or more and serialised code shows 1.
 * 48 tasks, four times as many as any core count we run with, expose a thread per task.
 */
@Tag("model")
@DisplayName("compute: concurrency model")
class ComputeModelCheck {
    static final int TASKS = 48;
    static final Duration FALLBACK = Duration.ofSeconds(5);

    @Test
    @DisplayName("48 factorial sums run in parallel on a pool sized to the cores")
    void parallelAcrossCores(TestReporter reporter) {
        List<Integer> ns = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            ns.add(300 + (i * 37) % 900);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<BigInteger> result;
        try (Episode episode = Episode.begin("compute", TASKS + " sums, availableProcessors() = " + cores,
                "sumOfFactorials call", TASKS, "availableProcessors()", cores).holdCallsUntil(2, FALLBACK)) {
            result = EvidenceReport.observe(reporter, episode, () -> FactorialSums.computeAll(ns));
        }
        assertEquals(expected(ns), result, "sumOfFactorials(n) for each n, in input order");
    }

    static List<BigInteger> expected(List<Integer> ns) {
        return ns.stream().map(FactorialReference::sumOfFactorials).toList();
    }
}
