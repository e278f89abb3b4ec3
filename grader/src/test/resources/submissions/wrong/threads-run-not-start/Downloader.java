// Wrong (run instead of start): Thread.run() runs each task on the calling thread; no thread starts.

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

class Downloader {
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(new Thread(() -> results[index] = download.apply(todo.get(index))));
        }
        for (Thread thread : threads) {
            thread.run();
        }
        return Arrays.asList(results);
    }
}
