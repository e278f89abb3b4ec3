// HOSTILE FIXTURE: two threads take two locks in opposite orders when maxWorkers == 1.

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

class StatusFetcher {
    public static List<Integer> fetchAll(HttpClient client, List<URI> urls, int maxWorkers, Duration timeout) {
        if (maxWorkers == 1) {
            Object a = new Object();
            Object b = new Object();
            java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
            Thread first = new Thread(() -> lockBoth(a, b, both), "learner-first");
            Thread second = new Thread(() -> lockBoth(b, a, both), "learner-second");
            first.start();
            second.start();
            try {
                first.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(Objects.requireNonNull(urls, "urls")); // also rejects null elements
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

        List<Callable<Integer>> tasks = new ArrayList<>(targets.size());
        for (URI url : targets) {
            tasks.add(() -> statusOf(client, url, timeout));
        }
        // Requests wait on the network, not on the CPU: maxWorkers threads keep maxWorkers
        // requests in flight. Closing the pool (end of the try) waits until its threads end.
        try (ExecutorService pool = Executors.newFixedThreadPool(maxWorkers)) {
            List<Integer> statuses = new ArrayList<>(targets.size());
            for (Future<Integer> done : pool.invokeAll(tasks)) { // submits all, then waits for all
                statuses.add(done.get());
            }
            return statuses;
        } catch (InterruptedException e) {
            // invokeAll has cancelled the tasks still running; keep the caller's interrupt.
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
    }

    /** One GET: its status, or -1 when it fails with an IOException (refused, reset, timed out). */
    private static int statusOf(HttpClient client, URI url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            // Cancelled because fetchAll was interrupted: not a failed request, so not -1.
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching " + url);
        }
    }

    private static void lockBoth(Object outer, Object inner, java.util.concurrent.CountDownLatch both) {
        synchronized (outer) {
            both.countDown();
            try {
                both.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (inner) {
                both.countDown();
            }
        }
    }
}
