// Right: HttpClient.sendAsync, the closest counterpart of asyncio. A Semaphore of maxInFlight
// permits is acquired before each sendAsync and released when that response completes, so at
// most maxInFlight requests are in flight; no executor of our own, no thread started.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

class Crawler {
    public static Map<URI, Integer> fetchAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        Set<URI> targets = new LinkedHashSet<>(List.copyOf(Objects.requireNonNull(urls, "urls")));
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        Map<URI, CompletableFuture<HttpResponse<Void>>> responses = new LinkedHashMap<>();
        try {
            for (URI url : targets) {
                inFlight.acquire(); // waits while maxInFlight requests are in flight
                CompletableFuture<HttpResponse<Void>> response = client.sendAsync(
                        HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding());
                response.whenComplete((ignored, failure) -> inFlight.release());
                responses.put(url, response);
            }
            Map<URI, Integer> statuses = new LinkedHashMap<>();
            for (Map.Entry<URI, CompletableFuture<HttpResponse<Void>>> e : responses.entrySet()) {
                statuses.put(e.getKey(), statusOf(e.getValue()));
            }
            return statuses;
        } catch (InterruptedException e) {
            responses.values().forEach(response -> response.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        }
    }

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
