// Wrong (fixed-pool, leaked): the bound is right (a fixed pool of maxWorkers, every task
// submitted before any result is awaited), but the pool is never shut down or closed, so its
// maxWorkers non-daemon threads stay alive after fetchAll returns and keep the JVM from
// exiting (A5).

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class StatusFetcher {
    public static List<Integer> fetchAll(HttpClient client, List<URI> urls, int maxWorkers, Duration timeout) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(Objects.requireNonNull(urls, "urls"));
        Objects.requireNonNull(timeout, "timeout");
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(maxWorkers);
        List<Future<Integer>> futures = new ArrayList<>(targets.size());
        for (URI url : targets) {
            futures.add(pool.submit(() -> statusOf(client, url, timeout)));
        }
        List<Integer> statuses = new ArrayList<>(targets.size());
        try {
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
        return statuses; // the mistake: no pool.shutdown() or pool.close() anywhere
    }

    private static int statusOf(HttpClient client, URI url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching " + url);
        }
    }
}
