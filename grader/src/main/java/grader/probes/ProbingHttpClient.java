package grader.probes;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The {@link HttpClient} handed to the learner: a real client underneath, with every request counted
 * as a watched call of the active {@link Episode}, on the thread that made it. Counting on the client
 * side means a request the learner gave up on (timeout) stops counting at once.
 */
public final class ProbingHttpClient extends HttpClient {
    private final HttpClient delegate;

    private ProbingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** A probing client over a fresh HTTP/1.1 client (parallel requests open parallel connections). */
    public static ProbingHttpClient create() {
        return new ProbingHttpClient(HttpClient.newBuilder().version(Version.HTTP_1_1).build());
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Episode episode = Episode.current().orElse(null);
        if (episode == null) {
            return delegate.send(request, handler);
        }
        Episode.Call call = episode.enterCall(false);
        try {
            return delegate.send(request, handler);
        } finally {
            episode.exitCall(call);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return watch(() -> delegate.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> push) {
        return watch(() -> delegate.sendAsync(request, handler, push));
    }

    private <T> CompletableFuture<T> watch(java.util.function.Supplier<CompletableFuture<T>> send) {
        Episode e = Episode.current().orElse(null);
        if (e == null) {
            return send.get();
        }
        Episode.Call call = e.enterCall(true);
        CompletableFuture<T> f;
        try {
            f = send.get();
        } catch (RuntimeException x) {
            e.exitCall(call);
            throw x;
        }
        // The learner's callbacks chain on the future returned here, so they run only after the request
        // stopped counting: a Semaphore released in whenComplete cannot make the count overshoot.
        CompletableFuture<T> counted = f.whenComplete((r, x) -> e.exitCall(call));
        counted.whenComplete((r, x) -> {
            if (counted.isCancelled()) {
                f.cancel(true);
            }
        });
        return counted;
    }

    @Override public Optional<CookieHandler> cookieHandler() { return delegate.cookieHandler(); }
    @Override public Optional<Duration> connectTimeout() { return delegate.connectTimeout(); }
    @Override public Redirect followRedirects() { return delegate.followRedirects(); }
    @Override public Optional<ProxySelector> proxy() { return delegate.proxy(); }
    @Override public SSLContext sslContext() { return delegate.sslContext(); }
    @Override public SSLParameters sslParameters() { return delegate.sslParameters(); }
    @Override public Optional<Authenticator> authenticator() { return delegate.authenticator(); }
    @Override public Version version() { return delegate.version(); }
    @Override public Optional<Executor> executor() { return delegate.executor(); }
    @Override public void shutdown() { delegate.shutdown(); }
    @Override public void shutdownNow() { delegate.shutdownNow(); }
    @Override public boolean awaitTermination(Duration duration) throws InterruptedException { return delegate.awaitTermination(duration); }
    @Override public boolean isTerminated() { return delegate.isTerminated(); }
    @Override public void close() { delegate.close(); }
}
