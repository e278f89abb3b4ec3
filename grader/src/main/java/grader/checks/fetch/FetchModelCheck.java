package grader.checks.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.fetch.StatusFetcher;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import grader.probes.LoopbackServer;
import grader.probes.ProbingHttpClient;
import grader.probes.Rendezvous;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes how {@code StatusFetcher.fetchAll} runs its requests. The loopback server holds the
 * first responses until {@code maxWorkers} requests are in flight together, so a bounded pool of
 * maxWorkers always shows exactly that overlap, and a sequential or serialised one shows 1. Two
 * different limits tell a pool sized from {@code maxWorkers} from a hard-coded one.
 */
@Tag("model")
@DisplayName("fetch: concurrency model")
class FetchModelCheck {
    static final int URLS = 12;
    /** Only the failing path ever waits this long: a right solution opens the rendezvous at once. */
    static final Duration FALLBACK = Duration.ofSeconds(5);
    /** Far above the fallback: no request of these scenarios may time out. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    @DisplayName("12 requests with maxWorkers = 3 overlap exactly 3 at a time")
    void threeWorkers(TestReporter reporter) {
        observe(3, reporter);
    }

    @Test
    @DisplayName("12 requests with maxWorkers = 4 overlap exactly 4 at a time")
    void fourWorkers(TestReporter reporter) {
        observe(4, reporter);
    }

    private static void observe(int maxWorkers, TestReporter reporter) {
        try (LoopbackServer server = LoopbackServer.start();
             ProbingHttpClient client = ProbingHttpClient.create();
             Episode episode = Episode.begin("fetch", URLS + " requests, maxWorkers = " + maxWorkers,
                     "request", URLS, "maxWorkers", maxWorkers)) {
            Rendezvous rendezvous = new Rendezvous(maxWorkers, FALLBACK, episode::recordWaits);
            server.holdAt(rendezvous);
            episode.reportRendezvous(rendezvous);
            List<Integer> statuses = EvidenceReport.observe(reporter, episode,
                    () -> StatusFetcher.fetchAll(client, server.okUrls(URLS), maxWorkers, TIMEOUT));
            assertEquals(Collections.nCopies(URLS, 200), statuses, "every URL answers 200, in input order");
        }
    }
}
