// Wrong (digest-too-few-threads): the digests run on a pool of 2 threads on a JVM with more cores; issue 11, class 1.
package course.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Exercise {@code pipeline} (capstone): fetch many pages and compute a CPU-heavy digest of each,
 * the two halves of the Python lesson in one method: a thread pool (or asyncio) for the
 * downloads, a process pool for the computation.
 *
 * <p>The two stages want different models. Fetching is I/O-bound: a request spends its time
 * waiting, so many of them wait side by side, up to {@code maxInFlight} (virtual threads with
 * a {@code Semaphore}, or {@code HttpClient.sendAsync} with such a limit). Digesting is
 * CPU-bound: it runs on platform threads, no more than the cores
 * ({@code Runtime.getRuntime().availableProcessors()}), for example a fixed pool of that size
 * or a parallel stream. See {@code exercises/docs/pipeline.md} for the task, the models that
 * fit and what the grader observes.
 */
public final class PageDigester {

    /** How many times {@link #digest} hashes again: enough to make it CPU work. */
    private static final int ROUNDS = 20_000;

    /** No instances: the exercise is one static method. */
    private PageDigester() {
    }

    /**
     * Given: the grader watches calls to this method. Do not change it, and do not copy its
     * body elsewhere; call it.
     *
     * <p>Returns the SHA-256 of {@code body}, hashed again {@value #ROUNDS} times (each round
     * hashes the 32 bytes of the previous one), as 64 lower-case hexadecimal digits. It is
     * pure CPU work on the calling thread: no I/O, no lock, no thread of its own.
     *
     * @param body the bytes to digest; not modified
     * @return the iterated SHA-256 of {@code body}, in lower-case hexadecimal
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static String digest(byte[] body) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] hash = sha.digest(body);
        for (int i = 0; i < ROUNDS; i++) {
            hash = sha.digest(hash);
        }
        StringBuilder hex = new StringBuilder(64);
        for (byte b : hash) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /**
     * Fetches every URL, with at most {@code maxInFlight} requests in flight, and digests each
     * body with {@link #digest(byte[])} on at most as many platform threads as there are cores.
     *
     * <p><strong>Requests.</strong> For each URL this method sends exactly one {@code GET}
     * request through {@code client}, built as {@code HttpRequest.newBuilder(url).GET().build()},
     * and reads the body as bytes ({@code HttpResponse.BodyHandlers.ofByteArray()}), with
     * {@code client.send} or {@code client.sendAsync}. It does not retry. It neither builds
     * another {@code HttpClient} nor starts another program, and it does not close or shut down
     * {@code client}, which belongs to the caller.
     *
     * <p><strong>Result.</strong> A map with one entry per URL whose request got a response,
     * whatever its status: the URL maps to {@code digest(body)} of that response. A URL whose
     * request fails with an {@link java.io.IOException} (a refused connection, a connection
     * closed before the response) has no entry; the other URLs are still fetched and digested.
     * The returned map may be unmodifiable; its iteration order is not specified. {@code urls}
     * is not modified, and holds no URL twice (what happens with a repeated URL is not specified,
     * and not graded).
     *
     * <p><strong>Calls of {@code digest}.</strong> Exactly one per response, with its body:
     * no caching, no copy of the kernel. All of them complete before this method returns.
     *
     * <p><strong>Fetch stage.</strong> A request is <em>in flight</em> from the moment it is
     * sent until its response (or failure) has been received. At no moment are more than
     * {@code maxInFlight} requests of this call in flight. The bound is also reached: while at
     * least {@code maxInFlight} requests remain to be sent, this method does not wait for a
     * response, nor for a digest, before it has {@code maxInFlight} requests in flight. So a
     * server that holds every response until {@code min(maxInFlight, urls.size())} requests have
     * arrived answers them all. Requests wait; they do not compute: send them from virtual
     * threads or asynchronously, not from a pool sized to the cores.
     *
     * <p><strong>Digest stage.</strong> The calls of {@code digest} run on platform threads
     * (never virtual threads, and never the threads that wait for responses), at most
     * {@code Runtime.getRuntime().availableProcessors()} of them at once, and no more than that
     * many distinct threads make them in all. Read the count at run time: never write it into
     * the code. The bound is also reached: when at least that many bodies have arrived, that
     * many digests run at once. A fixed pool of {@code availableProcessors()} threads (fed as
     * the bodies arrive, or with {@code thenApplyAsync(..., pool)}) fits, and so does a parallel
     * stream over the fetched bodies. Not a fit: digesting in the virtual thread (or pool
     * thread) that fetched, fetching on the pool sized to the cores, and one parallel stream
     * that both fetches and digests.
     *
     * <p><strong>Threads.</strong> Any executor this method creates is shut down, and has
     * terminated, before it returns or throws (try-with-resources on the
     * {@code ExecutorService} does both). No thread this method starts is still running when
     * it returns or throws. The client's own threads and the JVM's common pool are not this
     * method's.
     *
     * <p><strong>Arguments.</strong> They are checked first, before any request is sent and
     * even when {@code urls} is empty. An empty {@code urls} gives an empty map and sends
     * nothing.
     *
     * <p><strong>Interruption.</strong> If the calling thread is interrupted while this
     * method runs, the method either completes as specified above or stops early by throwing
     * {@link java.util.concurrent.CancellationException}. Either way, the thread's interrupt
     * status is set when the method returns or throws, and the rule on threads above still
     * holds.
     *
     * <p><strong>Grading.</strong> Besides the results, the grader watches the two stages
     * apart: for the requests and for the calls of {@code digest}, how many ran at once, on
     * which threads and of what kind, and how many distinct threads; the pools created and
     * their sizes, the threads still alive after this method returned, and any child process.
     * It runs your code with a processor count of its choosing, and never judges by the clock.
     *
     * @param client      the client to send every request with; not closed by this method
     * @param urls        the URLs to fetch and digest, none repeated
     * @param maxInFlight the largest number of requests in flight at once; at least 1
     * @return {@code digest(body)} for each URL that got a response
     * @throws NullPointerException     if {@code client}, {@code urls} or an element of
     *                                  {@code urls} is {@code null}
     * @throws IllegalArgumentException if no argument is {@code null} and
     *                                  {@code maxInFlight < 1}
     * @throws java.util.concurrent.CancellationException if the calling thread was
     *                                  interrupted and the method stopped early
     */
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
