// Wrong (serialized): a fixed pool of maxWorkers, closed properly, but pool.submit(task).get()
// inside the loop waits for each request before the next is submitted, so at most one request
// is ever in flight although maxWorkers threads exist (A3).

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
        try (ExecutorService pool = Executors.newFixedThreadPool(maxWorkers)) {
            List<Integer> statuses = new ArrayList<>(targets.size());
            for (URI url : targets) {
                Future<Integer> future = pool.submit(() -> statusOf(client, url, timeout));
                try {
                    statuses.add(future.get()); // the mistake: waits before submitting the next
                } catch (InterruptedException e) {
                    future.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while fetching");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a request failed unexpectedly", e.getCause());
                }
            }
            return statuses;
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
}
