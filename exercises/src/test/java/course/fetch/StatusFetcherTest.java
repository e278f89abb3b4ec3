package course.fetch;

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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Public tests of {@link StatusFetcher#fetchAll}: results only. The grader judges the
 * concurrency model separately, from what it observes.
 *
 * <p>Every request goes to a server on this machine: {@code /status/<code>} answers with that
 * status at once, {@code /never/...} never answers while the test runs.
 */
class StatusFetcherTest {

    /** Ample for a server on the same machine that answers at once. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final InetAddress LOOPBACK = loopback();

    /** Released after each test, so that the handlers still holding a request can end. */
    private final CountDownLatch endOfTest = new CountDownLatch(1);

    private ExecutorService serverThreads;
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/status/", StatusFetcherTest::answerWithStatusFromPath);
        server.createContext("/never/", this::neverAnswer);
        server.setExecutor(serverThreads);
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopServer() {
        endOfTest.countDown();
        server.stop(0);
        serverThreads.close();
        client.shutdownNow();
    }

    @Test
    void returnsStatusesInInputOrder() {
        List<Integer> expected = List.of(200, 404, 201, 500, 418, 503, 202, 410, 200, 451, 400, 404);
        List<URI> urls = expected.stream().map(this::statusUrl).toList();

        List<Integer> statuses = StatusFetcher.fetchAll(client, urls, 4, TIMEOUT);

        assertEquals(expected, statuses, "status of each URL, in the order of the URLs");
    }

    @Test
    void worksWithOneWorkerAndWithMoreWorkersThanUrls() {
        List<Integer> expected = List.of(500, 200, 404);
        List<URI> urls = expected.stream().map(this::statusUrl).toList();

        assertEquals(expected, StatusFetcher.fetchAll(client, urls, 1, TIMEOUT), "maxWorkers = 1");
        assertEquals(expected, StatusFetcher.fetchAll(client, urls, 16, TIMEOUT), "maxWorkers = 16, 3 URLs");
    }

    @Test
    void givesMinusOneForARefusedConnection() throws IOException {
        List<URI> urls = List.of(statusUrl(200), refusedUrl(), statusUrl(404));

        List<Integer> statuses = StatusFetcher.fetchAll(client, urls, 2, TIMEOUT);

        assertEquals(List.of(200, -1, 404), statuses, "-1 for the URL whose port refuses connections");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a missing timeout, not a measure
    void givesMinusOneForARequestThatExceedsTheTimeout() {
        URI neverAnswers = URI.create(base() + "/never/1");
        List<URI> urls = List.of(statusUrl(200), neverAnswers, statusUrl(503));

        // The server never answers /never/ while the test runs, so any timeout ends that request.
        List<Integer> statuses = StatusFetcher.fetchAll(client, urls, 3, Duration.ofSeconds(1));

        assertEquals(List.of(200, -1, 503), statuses,
                "-1 for the URL that did not answer within the timeout (HttpRequest.Builder.timeout)");
    }

    @Test
    void returnsAnEmptyListForNoUrls() {
        assertEquals(List.of(), StatusFetcher.fetchAll(client, List.of(), 3, TIMEOUT));
    }

    @Test
    void rejectsMaxWorkersBelowOneAndANonPositiveTimeout() {
        List<URI> urls = List.of(statusUrl(200));

        assertThrows(IllegalArgumentException.class, () -> StatusFetcher.fetchAll(client, urls, 0, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> StatusFetcher.fetchAll(client, urls, -3, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> StatusFetcher.fetchAll(client, List.of(), 0, TIMEOUT),
                "arguments are checked even when there is no URL");
        assertThrows(IllegalArgumentException.class, () -> StatusFetcher.fetchAll(client, urls, 2, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> StatusFetcher.fetchAll(client, urls, 2, Duration.ofSeconds(-1)));
    }

    @Test
    void rejectsNullArguments() {
        List<URI> urls = List.of(statusUrl(200));
        List<URI> withNull = Arrays.asList(statusUrl(200), null);

        assertThrows(NullPointerException.class, () -> StatusFetcher.fetchAll(null, urls, 2, TIMEOUT));
        assertThrows(NullPointerException.class, () -> StatusFetcher.fetchAll(client, null, 2, TIMEOUT));
        assertThrows(NullPointerException.class, () -> StatusFetcher.fetchAll(client, withNull, 2, TIMEOUT));
        assertThrows(NullPointerException.class, () -> StatusFetcher.fetchAll(client, urls, 2, null));
    }

    private String base() {
        return "http://" + LOOPBACK.getHostAddress() + ":" + server.getAddress().getPort();
    }

    private URI statusUrl(int status) {
        return URI.create(base() + "/status/" + status);
    }

    /** A URL on a port that was free a moment ago, so nothing accepts the connection. */
    private static URI refusedUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port + "/status/200");
    }

    private static void answerWithStatusFromPath(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            byte[] body = ("status " + status + "\n").getBytes(UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void neverAnswer(HttpExchange exchange) {
        try (exchange) {
            endOfTest.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
