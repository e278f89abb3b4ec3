package course.threads;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Public tests of {@link Downloader#downloadAll}: results, threads and failures. The grader judges the
 * concurrency model separately, from what it observes.
 *
 * <p>The tests pass their own {@code download} function: it "downloads" a URL by building a page from it, so
 * the expected results are known without a network.
 */
class DownloaderTest {

    @Test
    void returnsThePagesInInputOrder() {
        List<String> urls = List.of("https://example.test/c", "https://example.test/a", "https://example.test/b");

        List<String> pages = Downloader.downloadAll(urls, DownloaderTest::page);

        assertEquals(List.of(page(urls.get(0)), page(urls.get(1)), page(urls.get(2))), pages, "one page per URL, in order");
    }

    @Test
    void downloadsEveryUrlOnANewThreadOfItsOwn() {
        Thread caller = Thread.currentThread();
        Map<String, Thread> threadOf = new ConcurrentHashMap<>();
        List<String> urls = List.of("u1", "u2", "u3", "u4", "u5", "u6");

        Downloader.downloadAll(urls, url -> {
            threadOf.put(url, Thread.currentThread());
            return page(url);
        });

        Set<Thread> threads = Set.copyOf(threadOf.values());
        assertAll(
                () -> assertEquals(urls.size(), threads.size(), "one thread per URL"),
                () -> assertFalse(threads.contains(caller), "no download runs on the calling thread"),
                () -> assertTrue(threads.stream().noneMatch(Thread::isAlive), "every thread is joined before returning"));
    }

    @Test
    void downloadsRepeatedUrlsOncePerElement() {
        List<String> urls = List.of("a", "b", "a", "a");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        List<String> pages = Downloader.downloadAll(urls, url -> {
            calls.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
            return page(url);
        });

        assertAll(
                () -> assertEquals(List.of(page("a"), page("b"), page("a"), page("a")), pages),
                () -> assertEquals(3, calls.get("a").get(), "\"a\" is listed three times"),
                () -> assertEquals(1, calls.get("b").get(), "\"b\" is listed once"));
    }

    @Test
    void returnsAnEmptyListForNoUrls() {
        assertEquals(List.of(), Downloader.downloadAll(List.of(), url -> {
            throw new AssertionError("no URL, no download");
        }));
    }

    @Test
    void rethrowsADownloadsExceptionOnceEveryDownloadEnded() {
        RuntimeException notFound = new IllegalStateException("404 Not Found");
        AtomicInteger ended = new AtomicInteger();
        Function<String, String> download = url -> {
            try {
                if (url.equals("missing")) {
                    throw notFound;
                }
                return page(url);
            } finally {
                ended.incrementAndGet();
            }
        };

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> Downloader.downloadAll(List.of("a", "missing", "b", "c"), download));

        assertSame(notFound, thrown, "the download's own exception, unwrapped");
        assertEquals(4, ended.get(), "every download ended before downloadAll threw");
    }

    @Test
    void rejectsNullArguments() {
        Function<String, String> download = url -> {
            throw new AssertionError("no download when an argument is null");
        };
        assertThrows(NullPointerException.class, () -> Downloader.downloadAll(null, download));
        assertThrows(NullPointerException.class, () -> Downloader.downloadAll(Arrays.asList("a", null), download));
        assertThrows(NullPointerException.class, () -> Downloader.downloadAll(List.of("a"), null));
    }

    private static String page(String url) {
        return "<html>" + url + "</html>";
    }
}
