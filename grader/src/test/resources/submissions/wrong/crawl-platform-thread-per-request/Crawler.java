// Wrong (verdict thread-per-task): a new platform thread for every request. A Semaphore keeps the
// requests within maxInFlight, so the results and the cap are right, but every URL costs an OS
// thread: thousands of URLs, thousands of platform threads started only to wait.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
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
        List<Thread> threads = new ArrayList<>();
        try {
            for (URI url : targets) {
                permits.acquire(); // at most maxInFlight threads alive at once
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        statuses.put(url, statusOf(client, url));
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
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
