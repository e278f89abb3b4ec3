package course.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/** Wrong on purpose: the timeout parameter is missing. The structure stage must say which member. */
public final class StatusFetcher {
    private StatusFetcher() {}

    public static List<Integer> fetchAll(HttpClient client, List<URI> urls, int maxWorkers) {
        return List.of();
    }
}
