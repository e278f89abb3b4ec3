// Wrong (verdict common-pool): a parallel stream. The blocking requests run on the common
// ForkJoinPool, sized for CPU work and shared by the whole JVM, and maxInFlight is ignored.

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

class Crawler {
    public static Map<URI, Integer> fetchAll(HttpClient client, List<URI> urls, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(Objects.requireNonNull(urls, "urls"));
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        return targets.parallelStream().distinct()
                .collect(Collectors.toConcurrentMap(Function.identity(), url -> statusOf(client, url)));
    }

    private static int statusOf(HttpClient client, URI url) {
        try {
            return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
