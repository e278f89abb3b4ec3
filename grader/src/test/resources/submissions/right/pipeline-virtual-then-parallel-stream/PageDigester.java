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
import java.util.stream.Collectors;

class PageDigester {
    public static Map<URI, String> digestAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(urls);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        Map<URI, byte[]> bodies = new LinkedHashMap<>();
        // First every body, on virtual threads; then every digest, in a parallel stream on the cores.
        try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<URI, Future<byte[]>> pending = new LinkedHashMap<>();
            for (URI url : targets) {
                pending.put(url, io.submit(() -> {
                    inFlight.acquire();
                    try {
                        return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                    } catch (IOException e) {
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Map.Entry<URI, Future<byte[]>> e : pending.entrySet()) {
                byte[] body = e.getValue().get();
                if (body != null) {
                    bodies.put(e.getKey(), body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return bodies.entrySet().parallelStream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> digest(e.getValue())));
    }
}
