package grader.checks.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The crawl model check's HTTP endpoint on 127.0.0.1: {@code /ok/N} answers 200 once the {@link SlidingWindowProbe}
 * lets it (its rendezvous first, then its one-at-a-time release). Handlers are {@code limit + 2} reused virtual
 * threads: the first wave holds {@code limit} of them, and a request sent when one response is let through must find
 * a handler free to be counted; every thread start counts against the agent's cap in the test JVM.
 */
final class HoldingServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers;

    private HoldingServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static HoldingServer start(int limit, SlidingWindowProbe probe) {
        ExecutorService handlers = Executors.newFixedThreadPool(limit + 2,
                Thread.ofVirtual().name("crawl-handler-", 0).factory());
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            s.setExecutor(handlers);
            s.createContext("/ok/", exchange -> ok(exchange, probe));
            s.start();
            return new HoldingServer(s, handlers);
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new UncheckedIOException("could not start the crawl check's loopback server", e);
        }
    }

    /** {@code count} distinct URLs that answer 200. */
    List<URI> okUrls(int count) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ok/" + i));
        }
        return urls;
    }

    private static void ok(HttpExchange exchange, SlidingWindowProbe probe) throws IOException {
        probe.hold();
        byte[] body = "status 200\n".getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
