// Wrong (thread-per-task): Executors.newCachedThreadPool() starts a platform thread for every
// URL that finds no idle thread, so all requests are in flight at once and maxWorkers is
// ignored (A11). The pool is shut down properly: the bound is the only mistake.

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
        try (ExecutorService pool = Executors.newCachedThreadPool()) {
            List<Future<Integer>> futures = new ArrayList<>(targets.size());
            for (URI url : targets) {
                futures.add(pool.submit(() -> statusOf(client, url, timeout)));
            }
            return resultsInOrder(futures);
        }
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

    /** Waits for every future, in order; if interrupted, cancels them all and keeps the interrupt. */
    private static <T> List<T> resultsInOrder(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for results");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed unexpectedly", e.getCause());
        }
    }
}
