// Wrong (not joined): every thread is started, but the method returns at once; the results are not written yet.
package course.threads;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

public final class Downloader {

    private Downloader() {
    }

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
