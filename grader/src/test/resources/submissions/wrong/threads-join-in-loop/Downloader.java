// Wrong (serialized): each thread is joined right after it is started, so the next one only starts when the previous download is over.

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
            Thread thread = new Thread(() -> results[index] = download.apply(todo.get(index)));
            thread.start();
            join(thread);
        }
        return Arrays.asList(results);
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
