package grader.checks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.crawl.Crawler;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import grader.probes.ProbingHttpClient;
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
 * Two caps tell a limit taken from {@code maxInFlight} from a hard-coded one. Then the held responses are let
 * through one at a time ({@link SlidingWindowProbe}): a sliding window (a Semaphore, a pool) sends the next request
 * as soon as one is in, batches of the cap send nothing until the whole batch is in.
 *
 * <p>Thread budget: every thread start in the test JVM counts against the agent's cap (2,000), and one
 * test JVM runs every exercise of a grading. So the scenarios are ten and four times the cap rather
 * than thousands, and the server reuses maxInFlight + 2 handler threads (as many as the rendezvous holds, and
 * room for the next request): a solution with a virtual (or a platform) thread per URL starts 660 here, the server 94, the client's
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
    /**
     * The most each wait of the sliding-window probe lasts, the first wave's gathering after the rendezvous gave up
     * included (so a solution that stays below the cap waits this much longer). A safety net only: when it runs out
     * the probe decides nothing (no flaw), so a loaded machine can cost a verdict's detail, never give a wrong one.
     */
    static final Duration SAFETY_NET = Duration.ofSeconds(10);

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
        try (ProbingHttpClient client = ProbingHttpClient.create();
             Episode episode = Episode.begin("crawl", String.format("%,d requests, maxInFlight = %d", urls, maxInFlight),
                     "request", urls, "maxInFlight", maxInFlight)) {
            SlidingWindowProbe window = new SlidingWindowProbe(maxInFlight, urls, episode, FALLBACK, SAFETY_NET);
            episode.reportRendezvous(window.rendezvous());
            try (HoldingServer server = HoldingServer.start(maxInFlight, window)) {
                List<URI> targets = server.okUrls(urls);
                window.start();
                Map<URI, Integer> statuses = EvidenceReport.observe(reporter, episode, () -> {
                    try {
                        return Crawler.fetchAll(client, targets, maxInFlight);
                    } finally {
                        // before the evidence is published: what the probe saw is part of it
                        window.finish();
                    }
                });
                Map<URI, Integer> expected = targets.stream().collect(Collectors.toMap(Function.identity(), u -> 200));
                assertEquals(expected, statuses, "every URL answers 200, one entry per URL");
            } finally {
                window.finish();
            }
        }
    }
}
