// Wrong (not joined): every thread is started, but the method returns at once; the results are not written yet.

import java.util.Arrays;
import java.util.Objects;

class Downloader {
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            new Thread(() -> results[index] = download.apply(todo.get(index))).start();
        }
        return Arrays.asList(results);
    }
}
