// Wrong (digest-too-few-threads): the digests run on a pool of 2 threads on a JVM with more cores; issue 11, class 1.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

class PageDigester {
    public static Map<URI, String> digestAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(urls);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        Map<URI, CompletableFuture<String>> pending = new LinkedHashMap<>();
        try (ExecutorService cpu = Executors.newFixedThreadPool(2)) { // the mistake
            for (URI url : targets) {
                inFlight.acquire();
                CompletableFuture<HttpResponse<byte[]>> response;
                try {
                    response = client.sendAsync(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (RuntimeException e) {
                    inFlight.release();
                    throw e;
                }
                pending.put(url, response.whenComplete((r, x) -> inFlight.release())
                        .thenApplyAsync(r -> digest(r.body()), cpu)
                        .exceptionally(x -> {
                            Throwable cause = x instanceof CompletionException && x.getCause() != null ? x.getCause() : x;
                            if (cause instanceof IOException) {
                                return null;
                            }
                            throw x instanceof CompletionException c ? c : new CompletionException(x);
                        }));
            }
            Map<URI, String> digests = new LinkedHashMap<>();
            for (Map.Entry<URI, CompletableFuture<String>> e : pending.entrySet()) {
                String digest = e.getValue().get();
                if (digest != null) {
                    digests.put(e.getKey(), digest);
                }
            }
            return digests;
        } catch (InterruptedException e) {
            pending.values().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching and digesting");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
