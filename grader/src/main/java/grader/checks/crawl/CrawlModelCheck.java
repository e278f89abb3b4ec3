package grader.checks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.crawl.Crawler;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import grader.probes.LoopbackServer;
import grader.probes.ProbingHttpClient;
import grader.probes.Rendezvous;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes how {@code Crawler.fetchAll} runs many more requests than its cap. The loopback server
 * holds the first responses until {@code maxInFlight} requests are in flight together (one-shot: then
 * every response flows), so a capped solution shows exactly the cap, a small pool fewer, no cap more.
 * Two caps tell a limit taken from {@code maxInFlight} from a hard-coded one.
 *
 * <p>Thread budget: every thread start in the test JVM counts against the agent's cap (2,000), and one
 * test JVM runs every exercise of a grading. So the scenarios are ten and four times the cap rather
 * than thousands, and the server reuses maxInFlight handler threads (as many as the rendezvous holds):
 * a solution with a virtual (or a platform) thread per URL starts 660 here, the server 90, the client's
 * own executor at most as many. The verdicts need the ratio, not the thousands: a thread per URL shows
 * as a thread start per request at any size, and a pool of up to ten threads stays "small" (at most a
 * quarter of the cap) in both scenarios, whatever processor count the grader sets.
 * File descriptors: HTTP/1.1 opens one connection per request in flight, so the caps stay far below
 * the default limit of 1,024 open files.
 */
@Tag("model")
@DisplayName("crawl: concurrency model")
class CrawlModelCheck {
    /** Only the failing path ever waits this long: a capped solution opens the rendezvous at once. */
    static final Duration FALLBACK = Duration.ofSeconds(5);

    @Test
    @DisplayName("500 requests with maxInFlight = 50 have exactly 50 in flight at a time")
    void fiveHundredUrlsCappedAtFifty(TestReporter reporter) {
        observe(500, 50, reporter);
    }

    @Test
    @DisplayName("160 requests with maxInFlight = 40 have exactly 40 in flight at a time")
    void aHundredSixtyUrlsCappedAtForty(TestReporter reporter) {
        observe(160, 40, reporter);
    }

    private static void observe(int urls, int maxInFlight, TestReporter reporter) {
        try (LoopbackServer server = LoopbackServer.start(maxInFlight);
             ProbingHttpClient client = ProbingHttpClient.create();
             Episode episode = Episode.begin("crawl", String.format("%,d requests, maxInFlight = %d", urls, maxInFlight),
                     "request", urls, "maxInFlight", maxInFlight)) {
            Rendezvous rendezvous = new Rendezvous(maxInFlight, FALLBACK, episode::recordWaits);
            server.holdAt(rendezvous);
            episode.reportRendezvous(rendezvous);
            List<URI> targets = server.okUrls(urls);
            Map<URI, Integer> statuses = EvidenceReport.observe(reporter, episode,
                    () -> Crawler.fetchAll(client, targets, maxInFlight));
            Map<URI, Integer> expected = targets.stream().collect(Collectors.toMap(Function.identity(), u -> 200));
            assertEquals(expected, statuses, "every URL answers 200, one entry per URL");
        }
    }
}
