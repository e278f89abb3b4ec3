// Wrong (fixed-pool with the flaw in-batches): a pool of maxInFlight platform threads, fed one batch
// of maxInFlight URLs at a time; the caller calls get() on every future of the batch before it
// submits the next. The pool never holds more than one batch, so a worker that is done sits idle
// until the slowest request of its batch has answered.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class Crawler {
    public static Map<URI, Integer> fetchAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(new LinkedHashSet<>(List.copyOf(Objects.requireNonNull(urls, "urls"))));
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        Map<URI, Integer> statuses = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(maxInFlight)) {
            int next = 0;
            while (next < targets.size()) {
                List<URI> batch = targets.subList(next, Math.min(next + maxInFlight, targets.size()));
                List<Future<Integer>> futures = new ArrayList<>();
                for (URI url : batch) {
                    futures.add(pool.submit(() -> statusOf(client, url)));
                }
                for (int i = 0; i < batch.size(); i++) {
                    statuses.put(batch.get(i), futures.get(i).get()); // the whole batch, before the next one
                }
                next += batch.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request failed unexpectedly", e.getCause());
        }
        return statuses;
    }

    private static int statusOf(HttpClient client, URI url) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
