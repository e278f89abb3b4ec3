// Wrong (executor): a virtual thread per task executor; it works, but this exercise is about the Thread API.

import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class Downloader {
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        List<String> todo = List.copyOf(urls);
        Objects.requireNonNull(download, "download");
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String url : todo) {
                futures.add(executor.submit(() -> download.apply(url)));
            }
        } // close() waits for every task: the results below do not depend on timing, only the model is wrong
        List<String> pages = new ArrayList<>();
        for (Future<String> future : futures) {
            if (future.state() == Future.State.FAILED) {
                Throwable t = future.exceptionNow();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
            pages.add(future.resultNow());
        }
        return pages;
    }
}
