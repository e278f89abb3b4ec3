// Wrong (executor): a fixed pool with a thread per URL; it works, but this exercise is about the Thread API.

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class Downloader {
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, n));
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String url : todo) {
                futures.add(executor.submit(() -> download.apply(url)));
            }
            for (int i = 0; i < n; i++) {
                results[i] = futures.get(i).get();
            }
            return Arrays.asList(results);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            executor.close(); // waits for the pool's threads: the results do not depend on timing, only the model is wrong
        }
    }
}
