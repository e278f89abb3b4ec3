package course.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Reference solution of exercise {@code crawl}: a virtual thread per URL, at most
 * {@code maxInFlight} of them sending at once thanks to a {@code Semaphore}, the Java
 * counterpart of {@code asyncio} tasks behind an {@code asyncio.Semaphore}. The contract is in
 * the stub's Javadoc ({@code exercises/.../course/crawl/Crawler.java}).
 */
public final class Crawler {

    private Crawler() {
    }

    /**
     * Fetches the HTTP status of every distinct URL with at most {@code maxInFlight} requests in
     * flight; {@code -1} for a request that failed. See the stub for the full contract.
     */
    public static Map<URI, Integer> fetchAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        // List.copyOf rejects a null element; the set keeps the first of repeated URLs.
        List<URI> targets = new ArrayList<>(new LinkedHashSet<>(List.copyOf(Objects.requireNonNull(urls, "urls"))));
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        if (targets.isEmpty()) {
            return Map.of();
        }

        Map<URI, Integer> statuses = new ConcurrentHashMap<>();
        // Virtual threads are cheap, so each URL gets one and waits for a permit without holding an
        // OS thread; the semaphore, not a pool, is the cap (JEP 444: don't pool virtual threads).
        Semaphore permits = new Semaphore(maxInFlight);
        List<Future<?>> tasks = new ArrayList<>(targets.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI url : targets) {
                tasks.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        statuses.put(url, statusOf(client, url));
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            // close() at the end of the try, reached on the way out, interrupts and waits for the tasks.
            tasks.forEach(task -> task.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while fetching");
            }
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
        return statuses;
    }

    /** One GET: its status, or -1 when it fails with an IOException (refused, reset, timed out). */
    private static int statusOf(HttpClient client, URI url) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
