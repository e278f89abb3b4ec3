package course.pipeline;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Public tests of {@link PageDigester#digestAll}: results only. The grader judges the two
 * stages' concurrency models separately, from what it observes.
 *
 * <p>Every request goes to a server on this machine: {@code /page/<name>} answers 200 with a
 * body made of its name, {@code /status/<code>} answers with that status and a short body.
 */
class PageDigesterTest {

    private static final InetAddress LOOPBACK = loopback();

    private ExecutorService serverThreads;
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/page/", exchange -> answer(exchange, 200, bodyOf(exchange.getRequestURI())));
        server.createContext("/status/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            answer(exchange, status, ("status " + status + "\n").getBytes(UTF_8));
        });
        server.setExecutor(serverThreads);
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.close();
        client.shutdownNow();
    }

    @Test
    void digestsTheBodyOfEveryPage() {
        List<URI> urls = new ArrayList<>();
        Map<URI, String> expected = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            URI url = pageUrl("p" + i);
            urls.add(url);
            expected.put(url, PageDigester.digest(bodyOf(url)));
        }

        Map<URI, String> digests = PageDigester.digestAll(client, urls, 8);

        assertEquals(expected, digests, "digest(body) of each page, keyed by its URL");
    }

    @Test
    void worksWithOneRequestInFlightAndWithMoreThanUrls() {
        List<URI> urls = List.of(pageUrl("a"), pageUrl("b"), pageUrl("c"));
        Map<URI, String> expected = new HashMap<>();
        urls.forEach(u -> expected.put(u, PageDigester.digest(bodyOf(u))));

        assertEquals(expected, PageDigester.digestAll(client, urls, 1), "maxInFlight = 1");
        assertEquals(expected, PageDigester.digestAll(client, urls, 64), "maxInFlight = 64, 3 URLs");
    }

    @Test
    void digestsTheBodyWhateverTheStatus() {
        URI notFound = URI.create(base() + "/status/404");
        Map<URI, String> digests = PageDigester.digestAll(client, List.of(notFound), 2);

        assertEquals(Map.of(notFound, PageDigester.digest("status 404\n".getBytes(UTF_8))), digests,
                "a 404 has a body too, and it is digested");
    }

    @Test
    void leavesOutAUrlWhoseConnectionIsRefused() throws IOException {
        URI refused = refusedUrl();
        URI page = pageUrl("kept");

        Map<URI, String> digests = PageDigester.digestAll(client, List.of(refused, page), 2);

        assertEquals(Map.of(page, PageDigester.digest(bodyOf(page))), digests, "no entry for the refused URL");
    }

    @Test
    void returnsAnEmptyMapForNoUrls() {
        assertEquals(Map.of(), PageDigester.digestAll(client, List.of(), 3));
    }

    @Test
    void rejectsMaxInFlightBelowOneAndNullArguments() {
        List<URI> urls = List.of(pageUrl("x"));

        assertThrows(IllegalArgumentException.class, () -> PageDigester.digestAll(client, urls, 0));
        assertThrows(IllegalArgumentException.class, () -> PageDigester.digestAll(client, List.of(), 0),
                "arguments are checked even when there is no URL");
        assertThrows(NullPointerException.class, () -> PageDigester.digestAll(null, urls, 2));
        assertThrows(NullPointerException.class, () -> PageDigester.digestAll(client, null, 2));
        assertThrows(NullPointerException.class, () -> PageDigester.digestAll(client, Arrays.asList(pageUrl("y"), null), 2));
    }

    private String base() {
        return "http://" + LOOPBACK.getHostAddress() + ":" + server.getAddress().getPort();
    }

    private URI pageUrl(String name) {
        return URI.create(base() + "/page/" + name);
    }

    /** The body of a {@code /page/<name>} URL: its name, repeated to about a kilobyte. */
    private static byte[] bodyOf(URI url) {
        String path = url.getPath();
        return ("page " + path.substring(path.lastIndexOf('/') + 1) + "\n").repeat(100).getBytes(UTF_8);
    }

    /** A URL on a port that was free a moment ago, so nothing accepts the connection. */
    private static URI refusedUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port + "/page/refused");
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (exchange) {
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
