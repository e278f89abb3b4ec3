// Wrong (call-not-returned): a right pool of maxWorkers, but the method first sleeps until it is
// interrupted and only then does the work. Every call runs past its test's budget; the pool the
// grader sees comes after its interrupt, so it earns no model points (issue 11, class 5).

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
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // "now we may start": the interrupt is taken as the go, and the work begins
        }
        ExecutorService pool = Executors.newFixedThreadPool(maxWorkers);
        try {
            List<Future<Integer>> pending = new ArrayList<>(targets.size());
            for (URI url : targets) {
                pending.add(pool.submit(() -> statusOf(client, url, timeout)));
            }
            List<Integer> statuses = new ArrayList<>(targets.size());
            for (Future<Integer> done : pending) {
                statuses.add(done.get());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        } finally {
            pool.shutdown();
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
