// Right: CompletableFuture composition on a virtual-thread executor. Each URL is a supplyAsync
// task on its own virtual thread (never the common pool), a Semaphore(maxInFlight) around the
// blocking send is the cap, and allOf waits for them all before the executor is closed.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

class Crawler {
    public static Map<URI, Integer> fetchAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(new LinkedHashSet<>(List.copyOf(Objects.requireNonNull(urls, "urls"))));
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        Map<URI, Integer> statuses = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(maxInFlight);
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<?>[] all = targets.stream()
                    .map(url -> CompletableFuture.supplyAsync(() -> fetch(client, url, permits), virtualThreads)
                            .thenAccept(status -> statuses.put(url, status)))
                    .toArray(CompletableFuture[]::new); // toArray: every task is started before any is awaited
            CompletableFuture.allOf(all).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
        return statuses;
    }

    private static int fetch(HttpClient client, URI url, Semaphore permits) {
        try {
            permits.acquire();
            try {
                return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } finally {
                permits.release();
            }
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
