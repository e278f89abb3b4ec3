package course.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * Exercise {@code fetch}: fetch the HTTP status of many URLs with a bounded number of
 * requests in flight, the Java counterpart of Python's
 * {@code ThreadPoolExecutor(max_workers=5)} with {@code requests.get(url, timeout=10)}.
 *
 * <p>Fetching is I/O-bound: a thread that sends a request spends almost all its time waiting
 * for the network. Run the requests side by side, with at most {@code maxWorkers} of them
 * in flight, using an {@code ExecutorService} of {@code maxWorkers} threads, or a virtual
 * thread per URL limited by a {@code Semaphore}, or {@code HttpClient.sendAsync} with such a
 * limit. See {@code exercises/docs/fetch.md} for the task, the models that fit and what the
 * grader observes.
 */
public final class StatusFetcher {

    /** No instances: the exercise is one static method. */
    private StatusFetcher() {
    }

    /**
     * Fetches the HTTP status of every URL, with at most {@code maxWorkers} requests in
     * flight at any moment, and returns the statuses in the order of {@code urls}.
     *
     * <p><strong>Requests.</strong> For each element of {@code urls}, including repeated
     * ones, this method sends exactly one {@code GET} request through {@code client}, built as
     * {@code HttpRequest.newBuilder(url).timeout(timeout).GET().build()}, and discards the
     * response body (for example with {@code HttpResponse.BodyHandlers.discarding()}). It
     * does not retry. It uses the given {@code client} for every request: it neither builds
     * another {@code HttpClient} nor starts another program (such as {@code curl}), and it
     * does not close or shut down {@code client}, which belongs to the caller.
     *
     * <p><strong>Result.</strong> A new list with one element per URL: element {@code i} is
     * the status of {@code urls.get(i)}. The status is {@code HttpResponse.statusCode()} of
     * the response {@code client.send} returns for that request, whatever its value (a
     * {@code 404} or a {@code 500} is a status like any other; redirects are followed only
     * if the client's own redirect policy says so). It is {@code -1} when the request fails
     * with an {@link java.io.IOException}: among others a refused connection
     * ({@code ConnectException}), a connection closed or reset before the response, and a
     * response that did not arrive within {@code timeout} ({@code HttpTimeoutException}).
     * The returned list may be unmodifiable. {@code urls} is not modified.
     *
     * <p><strong>Bound.</strong> A request is <em>in flight</em> from the moment it is sent
     * until its response (or failure) has been received. At no moment are more than
     * {@code maxWorkers} requests of this call in flight. The bound is also reached: while at
     * least {@code maxWorkers} requests remain to be sent, this method does not wait for a
     * response before it has {@code maxWorkers} requests in flight. So a server that holds
     * every response until {@code min(maxWorkers, urls.size())} requests have arrived
     * answers them all.
     *
     * <p><strong>Threads.</strong> Any executor this method creates is shut down, and has
     * terminated, before it returns or throws (try-with-resources on the
     * {@code ExecutorService} does both). No thread this method starts is still running when
     * it returns or throws. The client's own threads are not this method's.
     *
     * <p><strong>Arguments.</strong> They are checked first, before any request is sent and
     * even when {@code urls} is empty. Each URL is an absolute {@code http} or {@code https}
     * URI, as {@code HttpRequest.newBuilder(URI)} requires; what happens with any other URI
     * is not specified, and not graded. An empty {@code urls} gives an empty list and sends
     * nothing.
     *
     * <p><strong>Interruption.</strong> If the calling thread is interrupted while this
     * method runs, the method either completes as specified above or stops early by throwing
     * {@link java.util.concurrent.CancellationException}. Either way, the thread's interrupt
     * status is set when the method returns or throws, and the rule on threads above still
     * holds. An interrupted request is never reported as {@code -1}.
     *
     * <p><strong>Grading.</strong> Besides the results, the grader observes how the requests
     * ran: how many were in flight at once at its loopback server, on which threads and of
     * what kind, the pools created and their sizes, the threads still alive after this
     * method returned, and any child process. It never judges by the clock.
     *
     * @param client     the client to send every request with; not closed by this method
     * @param urls       the URLs to fetch, in the order of the result
     * @param maxWorkers the largest number of requests in flight at once; at least 1
     * @param timeout    the timeout of each request, given to
     *                   {@code HttpRequest.Builder.timeout}; positive
     * @return the status of each URL, or {@code -1} for a request that failed or timed
     *         out, in the order of {@code urls}
     * @throws NullPointerException     if {@code client}, {@code urls}, an element of
     *                                  {@code urls} or {@code timeout} is {@code null}
     * @throws IllegalArgumentException if no argument is {@code null} and
     *                                  {@code maxWorkers < 1}, or {@code timeout} is zero or
     *                                  negative
     * @throws java.util.concurrent.CancellationException if the calling thread was
     *                                  interrupted and the method stopped early
     */
    public static List<Integer> fetchAll(HttpClient client, List<URI> urls, int maxWorkers, Duration timeout) {
        throw new UnsupportedOperationException("TODO");
    }
}
