// Right: a virtual thread per URL, but the caller takes the Semaphore permit before it starts each
// one, and the thread gives it back when its request is done. The caller is the only one who waits
// for a permit, so each finished request must wake the caller before the next can go out: a sliding
// window all the same, never batches.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.concurrent.CancellationException;
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
            for (URI url : targets) {
                permits.acquire(); // the caller waits here while maxInFlight requests are in flight
                virtualThreads.submit(() -> {
                    try {
                        statuses.put(url, statusOf(client, url));
                    } finally {
                        permits.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        }
        return statuses;
    }

    private static int statusOf(HttpClient client, URI url) {
        try {
            return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
