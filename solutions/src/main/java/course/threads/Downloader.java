package course.threads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reference solution of exercise {@code threads}: a platform thread per URL, all started, then all
 * joined, as the Python lesson's threading basics do. The contract is in the stub's Javadoc
 * ({@code exercises/.../course/threads/Downloader.java}).
 */
public final class Downloader {

    private Downloader() {
    }

    /**
     * Downloads every URL on a platform thread of its own, in the order of {@code urls}. See the
     * stub for the full contract.
     */
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls); // rejects a null list and null elements
        Objects.requireNonNull(download, "download");
        int n = todo.size();
        String[] results = new String[n];
        Throwable[] failures = new Throwable[n];
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    results[index] = download.apply(todo.get(index));
                } catch (RuntimeException | Error e) {
                    failures[index] = e;
                }
            }, "download-" + i);
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.start(); // every thread starts before any is joined
        }
        joinAll(threads);
        // join() makes each thread's writes to results and failures visible here.
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
        return Arrays.asList(results);
    }

    /** Joins every thread; an interrupt does not stop the waiting, it is kept for the caller. */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
