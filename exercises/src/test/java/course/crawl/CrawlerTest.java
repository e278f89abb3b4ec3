package course.crawl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Public tests of {@link Crawler#fetchAll}: results only. The grader judges the concurrency model
 * separately, from what it observes (thousands of URLs, a cap of a hundred).
 *
 * <p>Every request goes to a server on this machine: {@code /status/<code>} answers with that status
 * at once.
 */
class CrawlerTest {

    private static final InetAddress LOOPBACK = loopback();

    private final AtomicInteger received = new AtomicInteger();
    private ExecutorService serverThreads;
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/status/", this::answerWithStatusFromPath);
        server.setExecutor(serverThreads);
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.close();
        client.close();
    }

    @Test
    void givesTheStatusOfEachUrlWithManyMoreUrlsThanTheCap() {
        int[] codes = {200, 404, 201, 500, 418, 503, 202, 410};
        List<URI> urls = new ArrayList<>();
        Map<URI, Integer> expected = new HashMap<>();
        for (int i = 0; i < 48; i++) {
            URI url = URI.create(statusUrl(codes[i % codes.length]) + "?page=" + i);
            urls.add(url);
            expected.put(url, codes[i % codes.length]);
        }

        Map<URI, Integer> statuses = Crawler.fetchAll(client, urls, 6);

        assertEquals(expected, statuses, "the status of each URL");
        assertEquals(48, received.get(), "one request per URL");
    }

    @Test
    void fetchesARepeatedUrlOnce() {
        URI ok = statusUrl(200);
        URI missing = statusUrl(404);

        Map<URI, Integer> statuses = Crawler.fetchAll(client, List.of(ok, missing, ok, ok), 2);

        assertEquals(Map.of(ok, 200, missing, 404), statuses, "one entry per distinct URL");
        assertEquals(2, received.get(), "a repeated URL is requested once");
    }

    @Test
    void worksWithACapOfOneAndWithACapAboveTheNumberOfUrls() {
        List<URI> urls = List.of(statusUrl(500), statusUrl(200), statusUrl(404));
        Map<URI, Integer> expected = Map.of(urls.get(0), 500, urls.get(1), 200, urls.get(2), 404);

        assertEquals(expected, Crawler.fetchAll(client, urls, 1), "maxInFlight = 1");
        assertEquals(expected, Crawler.fetchAll(client, urls, 100), "maxInFlight = 100, 3 URLs");
    }

    @Test
    void givesMinusOneForARefusedConnection() throws IOException {
        URI refused = refusedUrl();
        List<URI> urls = List.of(statusUrl(200), refused, statusUrl(404));

        Map<URI, Integer> statuses = Crawler.fetchAll(client, urls, 2);

        assertEquals(Map.of(urls.get(0), 200, refused, -1, urls.get(2), 404), statuses,
                "-1 for the URL whose port refuses connections");
    }

    @Test
    void returnsAnEmptyMapForNoUrls() {
        assertEquals(Map.of(), Crawler.fetchAll(client, List.of(), 3));
    }

    @Test
    void rejectsACapBelowOne() {
        List<URI> urls = List.of(statusUrl(200));

        assertThrows(IllegalArgumentException.class, () -> Crawler.fetchAll(client, urls, 0));
        assertThrows(IllegalArgumentException.class, () -> Crawler.fetchAll(client, urls, -5));
        assertThrows(IllegalArgumentException.class, () -> Crawler.fetchAll(client, List.of(), 0),
                "arguments are checked even when there is no URL");
        assertEquals(0, received.get(), "nothing is sent");
    }

    @Test
    void rejectsNullArguments() {
        List<URI> urls = List.of(statusUrl(200));
        List<URI> withNull = Arrays.asList(statusUrl(200), null);

        assertThrows(NullPointerException.class, () -> Crawler.fetchAll(null, urls, 2));
        assertThrows(NullPointerException.class, () -> Crawler.fetchAll(client, null, 2));
        assertThrows(NullPointerException.class, () -> Crawler.fetchAll(client, withNull, 2));
    }

    private URI statusUrl(int status) {
        return URI.create("http://" + LOOPBACK.getHostAddress() + ":" + server.getAddress().getPort() + "/status/" + status);
    }

    /** A URL on a port that was free a moment ago, so nothing accepts the connection. */
    private static URI refusedUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port + "/status/200");
    }

    /** Counts the request on arrival, then answers with the status its path names. */
    private void answerWithStatusFromPath(HttpExchange exchange) throws IOException {
        received.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            byte[] body = ("status " + status + "\n").getBytes(UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new IllegalStateException("127.0.0.1 is not a valid address", e);
        }
    }
}
