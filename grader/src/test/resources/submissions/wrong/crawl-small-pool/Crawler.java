// Wrong (verdict small-pool): a pool sized to the cores, the habit from CPU-bound work. The
// requests only wait, so a handful of threads keeps a handful in flight while maxInFlight
// allows a hundred.

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
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (URI url : targets) {
            tasks.add(() -> statusOf(client, url));
        }
        int threads = Math.min(maxInFlight, Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> done = pool.invokeAll(tasks);
            Map<URI, Integer> statuses = new LinkedHashMap<>();
            for (int i = 0; i < targets.size(); i++) {
                statuses.put(targets.get(i), done.get(i).get());
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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
