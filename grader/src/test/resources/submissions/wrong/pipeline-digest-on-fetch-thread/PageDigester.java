import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

class PageDigester {
    public static Map<URI, String> digestAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(urls);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        // Wrong on purpose: each virtual thread that fetched a page also digests it, so the CPU work
        // runs on as many I/O threads as there are pages.
        try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<URI, Future<String>> pending = new LinkedHashMap<>();
            for (URI url : targets) {
                pending.put(url, io.submit(() -> {
                    byte[] body;
                    inFlight.acquire();
                    try {
                        body = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                    } catch (IOException e) {
                        return null;
                    } finally {
                        inFlight.release();
                    }
                    return digest(body);
                }));
            }
            Map<URI, String> digests = new LinkedHashMap<>();
            for (Map.Entry<URI, Future<String>> e : pending.entrySet()) {
                String digest = e.getValue().get();
                if (digest != null) {
                    digests.put(e.getKey(), digest);
                }
            }
            return digests;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching and digesting");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
