package grader.hidden.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.fetch.StatusFetcher;
import grader.probes.LoopbackServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("hidden")
class FetchHiddenTest {
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

    @Test
    void keepsInputOrderWithManyMoreUrlsThanWorkers() {
        List<URI> urls = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int[] codes = {200, 404, 500, 201, 302, 204, 418, 503};
        for (int i = 0; i < 40; i++) {
            int code = codes[i % codes.length];
            urls.add(server.uri("/status/" + code + "?i=" + i));
            expected.add(code);
        }
        assertEquals(expected, StatusFetcher.fetchAll(client, urls, 3, Duration.ofSeconds(20)));
    }

    @Test
    void givesMinusOneForTheUrlThatNeverAnswersAndStatusesForTheRest() {
        List<URI> urls = List.of(server.uri("/status/200"), server.uri("/hang"), server.uri("/status/404"),
                server.uri("/hang"), server.uri("/status/500"));
        assertEquals(List.of(200, -1, 404, -1, 500), StatusFetcher.fetchAll(client, urls, 2, Duration.ofSeconds(1)));
    }

    @Test
    void givesMinusOneForARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<URI> urls = List.of(URI.create("http://127.0.0.1:" + closedPort + "/x"), server.uri("/status/200"));
        assertEquals(List.of(-1, 200), StatusFetcher.fetchAll(client, urls, 2, Duration.ofSeconds(5)));
    }

    @Test
    void worksWithOneWorker() {
        List<URI> urls = List.of(server.uri("/status/201"), server.uri("/status/202"), server.uri("/status/203"));
        assertEquals(List.of(201, 202, 203), StatusFetcher.fetchAll(client, urls, 1, Duration.ofSeconds(20)));
    }

    @Test
    void worksWithMoreWorkersThanUrls() {
        List<URI> urls = List.of(server.uri("/status/200"), server.uri("/status/404"));
        assertEquals(List.of(200, 404), StatusFetcher.fetchAll(client, urls, 16, Duration.ofSeconds(20)));
    }

    @Test
    void rejectsZeroWorkers() {
        assertThrows(IllegalArgumentException.class,
                () -> StatusFetcher.fetchAll(client, List.of(server.uri("/status/200")), 0, Duration.ofSeconds(5)));
    }
}
