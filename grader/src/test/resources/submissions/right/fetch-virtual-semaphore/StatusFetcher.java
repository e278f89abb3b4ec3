// Right: a virtual thread per URL, and a Semaphore of maxWorkers permits held around each
// send, so at most maxWorkers requests are in flight (JEP 444: limit concurrency with a
// semaphore, do not pool virtual threads). The executor closes in try-with-resources.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

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

        Semaphore inFlight = new Semaphore(maxWorkers);
        List<Callable<Integer>> tasks = new ArrayList<>(targets.size());
        for (URI url : targets) {
            tasks.add(() -> {
                inFlight.acquire();
                try {
                    return statusOf(client, url, timeout);
                } finally {
                    inFlight.release();
                }
            });
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Integer> statuses = new ArrayList<>(targets.size());
            for (Future<Integer> done : executor.invokeAll(tasks)) {
                statuses.add(done.get());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
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
