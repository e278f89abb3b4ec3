// Wrong (polling): every thread is started, then the caller spins on isAlive() until none is left, never joining.

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
            Thread thread = new Thread(() -> results[index] = download.apply(todo.get(index)));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                Thread.onSpinWait();
            }
        }
        return Arrays.asList(results);
    }
}
