// Wrong (flaw in-batches): the URLs are cut into batches of maxInFlight, each batch goes out
// on virtual threads and is joined (invokeAll) before the next one starts. The cap holds and is
// reached, so the peak in flight looks like a Semaphore's; but once one response is in, its permit
// stays unused until the slowest request of the batch has answered: one slow URL stalls the crawl.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.concurrent.Callable;
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
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < targets.size(); from += maxInFlight) {
                List<URI> batch = targets.subList(from, Math.min(from + maxInFlight, targets.size()));
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (URI url : batch) {
                    tasks.add(() -> statusOf(client, url));
                }
                List<Future<Integer>> done = virtualThreads.invokeAll(tasks); // waits for the whole batch
                for (int i = 0; i < batch.size(); i++) {
                    statuses.put(batch.get(i), done.get(i).get());
                }
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
