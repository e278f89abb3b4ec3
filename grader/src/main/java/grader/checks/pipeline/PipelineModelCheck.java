package grader.checks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.pipeline.PageDigester;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import grader.probes.LoopbackServer;
import grader.probes.ProbingHttpClient;
import grader.probes.Rendezvous;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes the two stages of {@code PageDigester.digestAll} apart. Requests through the given client are the
 * "fetch" stage: the loopback server holds the first responses until {@code maxInFlight} requests are in flight
 * together, so virtual threads or an async client behind a Semaphore always show exactly that many, and a pool
 * sized to the cores never more than the cores. Calls of the given {@code digest} kernel are the "digest" stage:
 * the first ones wait until {@code min(cores, pages)} are in progress, so a pool sized to the cores shows exactly
 * that overlap, and the kinds and number of threads that ran them tell I/O threads from CPU threads.
 * {@code maxInFlight} (24, then 12) is well above the processor count the grader sets, so the two stages' numbers
 * cannot be confused.
 */
@Tag("model")
@DisplayName("pipeline: concurrency model of each stage")
class PipelineModelCheck {
    static final int PAGES = 32;
    /** Only the failing path ever waits this long: a right solution opens each rendezvous at once. */
    static final Duration FALLBACK = Duration.ofSeconds(5);

    @Test
    @DisplayName("32 pages with maxInFlight = 24: 24 requests in flight, digests on the cores")
    void twentyFourInFlight(TestReporter reporter) {
        observe(24, reporter);
    }

    @Test
    @DisplayName("32 pages with maxInFlight = 12: 12 requests in flight, digests on the cores")
    void twelveInFlight(TestReporter reporter) {
        observe(12, reporter);
    }

    private static void observe(int maxInFlight, TestReporter reporter) {
        int cores = Runtime.getRuntime().availableProcessors();
        try (LoopbackServer server = LoopbackServer.start();
             ProbingHttpClient client = ProbingHttpClient.create();
             Episode episode = Episode.begin("pipeline", PAGES + " pages, maxInFlight = " + maxInFlight
                     + ", availableProcessors() = " + cores, "page", PAGES, "maxInFlight", maxInFlight)) {
            Rendezvous requests = new Rendezvous(Math.min(maxInFlight, PAGES), FALLBACK, episode::recordWaits);
            server.holdAt(requests);
            episode.stages("fetch", "digest")
                    .reportStageRendezvous("fetch", requests)
                    .holdStageUntil("digest", Math.min(cores, PAGES), FALLBACK);
            List<URI> urls = server.pageUrls(PAGES);
            Map<URI, String> digests = EvidenceReport.observe(reporter, episode,
                    () -> PageDigester.digestAll(client, urls, maxInFlight));
            assertEquals(expected(urls), digests, "digest(body) of every page, keyed by its URL");
        }
    }

    static Map<URI, String> expected(List<URI> urls) {
        Map<URI, String> expected = new HashMap<>();
        urls.forEach(u -> expected.put(u, DigestReference.digest(LoopbackServer.pageBody(u))));
        return expected;
    }
}
