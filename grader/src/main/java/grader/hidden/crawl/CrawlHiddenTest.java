package grader.hidden.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.crawl.Crawler;
import grader.probes.LoopbackServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hidden cases of the {@code Crawler.fetchAll} contract. Every server answers at once: no test waits
 * on the clock. The server reuses 16 handler threads, since every thread start counts against the
 * agent's cap in the test JVM.
 */
@Tag("hidden")
class CrawlHiddenTest {
    private LoopbackServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = LoopbackServer.start(16);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    @Test
    void givesTheStatusOfEveryUrlWithManyMoreUrlsThanTheCap() {
        List<URI> urls = new ArrayList<>();
        Map<URI, Integer> expected = new HashMap<>();
        int[] codes = {200, 404, 500, 201, 302, 204, 418, 503};
        for (int i = 0; i < 40; i++) {
            int code = codes[i % codes.length];
            URI url = server.uri("/status/" + code + "?i=" + i);
            urls.add(url);
            expected.put(url, code);
        }
        assertEquals(expected, Crawler.fetchAll(client, urls, 3));
    }

    @Test
    void fetchesARepeatedUrlOnceAndGivesItOneEntry() {
        URI a = server.uri("/status/200");
        URI b = server.uri("/status/404");
        List<URI> urls = List.of(a, b, a, a, b);
        assertEquals(Map.of(a, 200, b, 404), Crawler.fetchAll(client, urls, 2), "one entry per distinct URL");
        assertEquals(2, server.statusRequests(), "each distinct URL is requested exactly once");
    }

    @Test
    void givesMinusOneForARefusedConnectionAndStatusesForTheRest() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/x");
        URI ok = server.uri("/status/200");
        URI gone = server.uri("/status/410");
        assertEquals(Map.of(refused, -1, ok, 200, gone, 410), Crawler.fetchAll(client, List.of(refused, ok, gone), 2));
    }

    @Test
    void worksWithACapOfOne() {
        List<URI> urls = List.of(server.uri("/status/201"), server.uri("/status/202"), server.uri("/status/203"));
        assertEquals(Map.of(urls.get(0), 201, urls.get(1), 202, urls.get(2), 203), Crawler.fetchAll(client, urls, 1));
    }

    @Test
    void worksWithACapAboveTheNumberOfUrls() {
        List<URI> urls = List.of(server.uri("/status/200"), server.uri("/status/404"));
        assertEquals(Map.of(urls.get(0), 200, urls.get(1), 404), Crawler.fetchAll(client, urls, 50));
    }

    @Test
    void givesAnEmptyMapForNoUrls() {
        assertEquals(Map.of(), Crawler.fetchAll(client, List.of(), 4));
        assertEquals(0, server.statusRequests(), "nothing is sent");
    }

    @Test
    void rejectsACapBelowOneEvenWithoutUrls() {
        List<URI> urls = List.of(server.uri("/status/200"));
        assertThrows(IllegalArgumentException.class, () -> Crawler.fetchAll(client, urls, 0));
        assertThrows(IllegalArgumentException.class, () -> Crawler.fetchAll(client, List.of(), -1));
        assertEquals(0, server.statusRequests(), "arguments are checked before anything is sent");
    }

    @Test
    void doesNotModifyTheGivenList() {
        List<URI> urls = new ArrayList<>(List.of(server.uri("/status/200"), server.uri("/status/200"), server.uri("/status/500")));
        List<URI> before = List.copyOf(urls);
        Crawler.fetchAll(client, urls, 2);
        assertEquals(before, urls);
    }
}
