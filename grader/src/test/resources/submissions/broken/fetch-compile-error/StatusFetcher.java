package course.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Broken on purpose: a missing semicolon. The grader must report it as feedback, not crash. */
public final class StatusFetcher {
    private StatusFetcher() {}

    public static List<Integer> fetchAll(HttpClient client, List<URI> urls, int maxWorkers, Duration timeout) {
        List<Integer> out = new java.util.ArrayList<>()
        return out;
    }
}
