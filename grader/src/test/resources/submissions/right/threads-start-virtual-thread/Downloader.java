// Right: Thread.startVirtualThread per URL, all started, then all joined.

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

class Downloader {
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        Throwable[] failures = new Throwable[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.startVirtualThread(task(index, todo, download, results, failures)));
        }
        threads.forEach(Downloader::join);
        rethrow(failures);
        return Arrays.asList(results);
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The task of one URL: its page, or what its download threw, in slot {@code index}. */
    static Runnable task(int index, List<String> urls, Function<String, String> download, String[] results,
            Throwable[] failures) {
        return () -> {
            try {
                results[index] = download.apply(urls.get(index));
            } catch (RuntimeException | Error e) {
                failures[index] = e;
            }
        };
    }

    /** Throws the failure of the earliest URL, if any, once every thread is joined. */
    static void rethrow(Throwable[] failures) {
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
