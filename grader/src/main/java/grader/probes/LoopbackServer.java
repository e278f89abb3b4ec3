package grader.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hidden tests' HTTP endpoint on 127.0.0.1: {@code /ok/N} answers 200 (held at the rendezvous,
 * if one is set), {@code /status/CODE} answers CODE, {@code /hang} never answers until the server
 * closes. Handlers run on virtual threads, so the server itself never serialises requests. It counts
 * requests in flight ({@code /hang} excluded: a client that gave up on it no longer waits for it).
 */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger statusRequests = new AtomicInteger();
    private volatile Rendezvous rendezvous;

    private LoopbackServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    public static LoopbackServer start() {
        return start(Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * A server whose handlers are at most {@code handlers} threads (virtual, reused), for scenarios of
     * thousands of requests: {@link #start()} starts a thread per request, and every start counts against
     * the agent's cap on thread starts in the test JVM. A rendezvous held here needs {@code handlers} at
     * least its target, or it can never be reached; requests beyond {@code handlers} wait in the server's
     * queue, still in flight for the client.
     */
    public static LoopbackServer start(int handlers) {
        return start(Executors.newFixedThreadPool(handlers, Thread.ofVirtual().name("loopback-handler-", 0).factory()));
    }

    private static LoopbackServer start(ExecutorService handlers) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            LoopbackServer ls = new LoopbackServer(s, handlers);
            s.setExecutor(ls.handlers);
            s.createContext("/ok/", ls::ok);
            s.createContext("/status/", ls::status);
            s.createContext("/hang", ls::hang);
            s.createContext("/page/", ls::page);
            s.start();
            return ls;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the loopback test server", e);
        }
    }

    /** Holds {@code /ok} responses at this rendezvous. */
    public LoopbackServer holdAt(Rendezvous r) {
        this.rendezvous = r;
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** {@code count} distinct URLs that answer 200. */
    public List<URI> okUrls(int count) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(uri("/ok/" + i));
        }
        return urls;
    }

    /** {@code count} distinct URLs that answer 200 with {@link #pageBody(URI)} (held at the rendezvous like {@code /ok}). */
    public List<URI> pageUrls(int count) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(uri("/page/" + i));
        }
        return urls;
    }

    /** {@return the body a {@code /page/N} URL answers with: about 2 KB, different for each N} */
    public static byte[] pageBody(URI uri) {
        String path = uri.getPath();
        String line = "page " + path.substring(path.lastIndexOf('/') + 1) + "\n";
        return line.repeat(2048 / line.length() + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public int peakInFlight() {
        return peak.get();
    }

    public int served() {
        return served.get();
    }

    private void ok(HttpExchange ex) throws IOException {
        int n = inFlight.incrementAndGet();
        peak.accumulateAndGet(n, Math::max);
        try {
            Rendezvous r = rendezvous;
            if (r != null) {
                r.arrive();
            }
            reply(ex, 200);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void page(HttpExchange ex) throws IOException {
        int n = inFlight.incrementAndGet();
        peak.accumulateAndGet(n, Math::max);
        try {
            Rendezvous r = rendezvous;
            if (r != null) {
                r.arrive();
            }
            byte[] body = pageBody(ex.getRequestURI());
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * {@return the requests {@code /status/CODE} received, counted on arrival, before the answer: once a client
     * has every response, each of its requests is counted (unlike {@link #served()}, counted after the answer)}
     */
    public int statusRequests() {
        return statusRequests.get();
    }

    private void status(HttpExchange ex) throws IOException {
        statusRequests.incrementAndGet();
        String path = ex.getRequestURI().getPath();
        int code;
        try {
            code = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            code = 400;
        }
        reply(ex, code);
    }

    private void hang(HttpExchange ex) throws IOException {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ex.close();
    }

    private void reply(HttpExchange ex, int code) throws IOException {
        // 204 and 304 have no body: announced with one, the JDK's server logs a warning on every reply, and those
        // warnings filled the learner's kept output (64 KB) before anything the learner printed.
        boolean bodiless = code == 204 || code == 304;
        byte[] body = bodiless ? new byte[0] : ("status " + code + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ex.sendResponseHeaders(code, bodiless ? -1 : body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
        served.incrementAndGet();
    }

    @Override
    public void close() {
        closing.countDown();
        Rendezvous r = rendezvous;
        if (r != null) {
            r.release();
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}
