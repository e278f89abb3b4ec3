package course.crawl;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/**
 * Exercise {@code crawl}: fetch the HTTP status of thousands of slow URLs with a cap on the
 * requests in flight, the Java counterpart of Python's {@code asyncio} with a
 * {@code Semaphore} around each request.
 *
 * <p>Each request spends almost all its time waiting for the network, and there are thousands
 * of them: far more waiting tasks than a pool of platform threads should hold. Give each URL a
 * virtual thread and limit the requests in flight with a {@code Semaphore(maxInFlight)}, or send
 * them with {@code HttpClient.sendAsync} under the same limit. See {@code exercises/docs/crawl.md}
 * for the task, the models that fit and what the grader observes.
 */
public final class Crawler {

    /** No instances: the exercise is one static method. */
    private Crawler() {
    }

    /**
     * Fetches the HTTP status of every distinct URL, with at most {@code maxInFlight} requests
     * in flight at any moment, and returns the status of each.
     *
     * <p><strong>Requests.</strong> For each <em>distinct</em> element of {@code urls} (as
     * {@link URI#equals} tells them apart), this method sends exactly one {@code GET} request
     * through {@code client}, built as {@code HttpRequest.newBuilder(url).GET().build()}, and
     * discards the response body (for example with {@code HttpResponse.BodyHandlers.discarding()}).
     * A URL that occurs several times in {@code urls} is requested once: a crawler does not fetch
     * a page twice. It does not retry. It uses the given {@code client} for every request, either
     * {@code client.send} or {@code client.sendAsync}: it neither builds another
     * {@code HttpClient} nor starts another program, and it does not close or shut down
     * {@code client}, which belongs to the caller.
     *
     * <p><strong>Result.</strong> A new map with one entry per distinct URL of {@code urls}, and
     * no other: its value is {@code HttpResponse.statusCode()} of the response to that URL,
     * whatever its value (a {@code 404} or a {@code 500} is a status like any other; redirects
     * are followed only if the client's own redirect policy says so). It is {@code -1} when the
     * request fails with an {@link java.io.IOException}: among others a refused connection
     * ({@code ConnectException}), a connection closed or reset before the response, or an
     * {@code HttpTimeoutException} raised by the client. The map's iteration order is not
     * specified; it may be unmodifiable. {@code urls} is not modified.
     *
     * <p><strong>Timeouts.</strong> This method sets no timeout of its own: a request lasts as
     * long as {@code client} lets it (its {@code connectTimeout}, its executor). A caller that
     * wants a bound on each request configures the client it passes, or the server's side; a
     * URL that never answers makes this method wait for it. Graded runs use servers that answer.
     *
     * <p><strong>Bound.</strong> A request is <em>in flight</em> from the moment it is sent
     * until its response (or failure) has been received. At no moment are more than
     * {@code maxInFlight} requests of this call in flight. The cap is also reached: while at
     * least {@code maxInFlight} distinct URLs remain to be sent, this method does not wait for a
     * response before it has {@code maxInFlight} requests in flight. So a server that holds every
     * response until {@code min(maxInFlight, distinct URLs)} requests have arrived answers them
     * all. The number of URLs may be many times {@code maxInFlight} (thousands of URLs with a cap
     * of a hundred): the requests that wait for their turn should cost next to nothing.
     *
     * <p><strong>Threads.</strong> Any executor this method creates is shut down, and has
     * terminated, before it returns or throws (try-with-resources on the
     * {@code ExecutorService} does both). No thread this method starts is still running when it
     * returns or throws. The client's own threads are not this method's.
     *
     * <p><strong>Arguments.</strong> They are checked first, before any request is sent and even
     * when {@code urls} is empty. Each URL is an absolute {@code http} or {@code https} URI, as
     * {@code HttpRequest.newBuilder(URI)} requires; what happens with any other URI is not
     * specified, and not graded. An empty {@code urls} gives an empty map and sends nothing.
     *
     * <p><strong>Interruption.</strong> If the calling thread is interrupted while this method
     * runs, the method either completes as specified above or stops early by throwing
     * {@link java.util.concurrent.CancellationException}. Either way, the thread's interrupt
     * status is set when the method returns or throws, and the rule on threads above still
     * holds. An interrupted request is never reported as {@code -1}.
     *
     * <p><strong>Grading.</strong> Besides the results, the grader observes how the requests
     * ran: how many were in flight at once at its loopback server, on which threads and of what
     * kind, how many platform threads your code started, the pools created and their sizes, the
     * threads still alive after this method returned. It never judges by the clock.
     *
     * @param client      the client to send every request with; not closed by this method
     * @param urls        the URLs to fetch; repeated ones are fetched once
     * @param maxInFlight the largest number of requests in flight at once; at least 1
     * @return the status of each distinct URL, or {@code -1} for a request that failed
     * @throws NullPointerException     if {@code client}, {@code urls} or an element of
     *                                  {@code urls} is {@code null}
     * @throws IllegalArgumentException if no argument is {@code null} and {@code maxInFlight < 1}
     * @throws java.util.concurrent.CancellationException if the calling thread was interrupted
     *                                  and the method stopped early
     */
    public static Map<URI, Integer> fetchAll(HttpClient client, List<URI> urls, int maxInFlight) {
        throw new UnsupportedOperationException("TODO");
    }
}
