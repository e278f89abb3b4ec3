// Right: HttpClient.sendAsync, the asyncio counterpart. A Semaphore of maxWorkers permits is
// acquired before each sendAsync and released when that response completes, so at most
// maxWorkers requests are in flight; no executor of our own, no thread started.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
        List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(targets.size());
        try {
            for (URI url : targets) {
                inFlight.acquire(); // waits while maxWorkers requests are in flight
                HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
                CompletableFuture<HttpResponse<Void>> response =
                        client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
                response.whenComplete((ignored, failure) -> inFlight.release());
                responses.add(response);
            }
            List<Integer> statuses = new ArrayList<>(targets.size());
            for (CompletableFuture<HttpResponse<Void>> response : responses) {
                statuses.add(statusOf(response));
            }
            return statuses;
        } catch (InterruptedException e) {
            responses.forEach(response -> response.cancel(true)); // aborts the exchanges in flight
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        }
    }

    /** The status, or -1 when the request failed (refused, reset, HttpTimeoutException). */
    private static int statusOf(CompletableFuture<HttpResponse<Void>> response) throws InterruptedException {
        try {
            return response.get().statusCode();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                return -1;
            }
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
    }
}
