// Wrong (sequential): a plain loop on the calling thread; no thread is ever started.

import java.util.Arrays;
import java.util.Objects;

class Downloader {
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        for (int i = 0; i < n; i++) {
            results[i] = download.apply(todo.get(i));
        }
        return Arrays.asList(results);
    }
}
