package grader.hidden.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.pipeline.PageDigester;
import grader.checks.pipeline.DigestReference;
import grader.probes.LoopbackServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("hidden")
class PipelineHiddenTest {
    private LoopbackServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private static Map<URI, String> pages(List<URI> urls) {
        Map<URI, String> expected = new HashMap<>();
        urls.forEach(u -> expected.put(u, DigestReference.digest(LoopbackServer.pageBody(u))));
        return expected;
    }

    @Test
    void digestsManyMorePagesThanRequestsInFlight() {
        // Four times the requests in flight: enough for every fetcher to be reused; each page costs a digest twice
        // (the learner's and the reference), 20,000 SHA-256 rounds each, so no more pages than that (issue 15).
        List<URI> urls = server.pageUrls(12);
        assertEquals(pages(urls), PageDigester.digestAll(client, urls, 3));
    }

    @Test
    void digestsTheBodyOfEveryStatus() {
        List<URI> urls = new ArrayList<>();
        Map<URI, String> expected = new HashMap<>();
        for (int code : new int[] {200, 404, 500, 201, 418}) {
            URI url = server.uri("/status/" + code);
            urls.add(url);
            expected.put(url, DigestReference.digest(("status " + code + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
        assertEquals(expected, PageDigester.digestAll(client, urls, 2));
    }

    @Test
    void leavesOutRefusedConnectionsAndKeepsTheRest() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<URI> good = server.pageUrls(5);
        List<URI> urls = new ArrayList<>(good);
        urls.add(2, URI.create("http://127.0.0.1:" + closedPort + "/page/refused"));
        assertEquals(pages(good), PageDigester.digestAll(client, urls, 4));
    }

    @Test
    void worksWithOneRequestInFlight() {
        List<URI> urls = server.pageUrls(4);
        assertEquals(pages(urls), PageDigester.digestAll(client, urls, 1));
    }

    @Test
    void worksWithMoreInFlightThanPages() {
        List<URI> urls = server.pageUrls(2);
        assertEquals(pages(urls), PageDigester.digestAll(client, urls, 100));
    }

    @Test
    void givesAnEmptyMapForNoUrls() {
        assertEquals(Map.of(), PageDigester.digestAll(client, List.of(), 4));
    }

    @Test
    void rejectsZeroInFlightEvenWithoutUrls() {
        assertThrows(IllegalArgumentException.class, () -> PageDigester.digestAll(client, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> PageDigester.digestAll(client, server.pageUrls(1), 0));
    }
}
