package grader.hidden.threads;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.threads.Downloader;
import grader.probes.Rendezvous;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("hidden")
class ThreadsHiddenTest {

    @Test
    void keepsInputOrderForManyUrls() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            urls.add("https://example.test/" + (i * 7919 % 64));
        }
        assertEquals(urls.stream().map(ThreadsHiddenTest::page).toList(), Downloader.downloadAll(urls, ThreadsHiddenTest::page));
    }

    @Test
    void downloadsRepeatedUrlsOnceEachInTheirPositions() {
        List<String> urls = List.of("b", "a", "b", "c", "a", "b");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<String> result = Downloader.downloadAll(urls, url -> {
            calls.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
            return page(url);
        });
        assertAll(
                () -> assertEquals(urls.stream().map(ThreadsHiddenTest::page).toList(), result),
                () -> assertEquals(3, calls.get("b").get(), "b is listed three times"),
                () -> assertEquals(2, calls.get("a").get(), "a is listed twice"),
                () -> assertEquals(1, calls.get("c").get(), "c is listed once"));
    }

    @Test
    void downloadsASingleUrlOnAThreadOfItsOwn() {
        Thread caller = Thread.currentThread();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<String> result = Downloader.downloadAll(List.of("only"), url -> {
            threads.add(Thread.currentThread());
            return page(url);
        });
        assertAll(
                () -> assertEquals(List.of(page("only")), result),
                () -> assertEquals(1, threads.size()),
                () -> assertFalse(threads.contains(caller), "the download ran on the calling thread"));
    }

    @Test
    void returnsAnEmptyListAndCallsNothingForNoUrls() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(List.of(), Downloader.downloadAll(List.of(), url -> {
            calls.incrementAndGet();
            return page(url);
        }));
        assertEquals(0, calls.get());
    }

    @Test
    void everyDownloadIsInProgressAtOnce() {
        int n = 16;
        // A rendezvous, not a timer: all n reach it together unless a download waits for another to end. One-shot:
        // on the failing path only the first download waits for the safety net, the others go straight through.
        Rendezvous allStarted = new Rendezvous(n, Duration.ofSeconds(5), () -> { });
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add("u" + i);
        }
        List<String> result = Downloader.downloadAll(urls, url -> {
            allStarted.arrive();
            return page(url);
        });
        assertAll(
                () -> assertEquals(urls.stream().map(ThreadsHiddenTest::page).toList(), result),
                () -> assertTrue(allStarted.reached(), "every download should be in progress while the others start: "
                        + "start every thread before joining any"));
    }

    @Test
    void rethrowsTheEarliestFailureAfterEveryThreadEnded() {
        RuntimeException first = new IllegalStateException("404 for u2");
        RuntimeException later = new IllegalArgumentException("500 for u5");
        List<String> urls = List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6");
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger finished = new AtomicInteger();
        Function<String, String> download = url -> {
            threads.add(Thread.currentThread());
            try {
                if (url.equals("u2")) {
                    throw first;
                }
                if (url.equals("u5")) {
                    throw later;
                }
                return page(url);
            } finally {
                finished.incrementAndGet();
            }
        };
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Downloader.downloadAll(urls, download));
        int finishedWhenThrown = finished.get();
        assertAll(
                () -> assertSame(first, thrown, "the exception of the earliest failing URL, unwrapped"),
                () -> assertEquals(urls.size(), finishedWhenThrown, "every download ended before the method threw"),
                () -> assertTrue(threads.stream().noneMatch(Thread::isAlive), "every thread was joined before the method threw"));
    }

    @Test
    void rejectsNullArgumentsBeforeAnyDownload() {
        AtomicInteger calls = new AtomicInteger();
        Function<String, String> download = url -> {
            calls.incrementAndGet();
            return page(url);
        };
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> Downloader.downloadAll(null, download)),
                () -> assertThrows(NullPointerException.class, () -> Downloader.downloadAll(Arrays.asList("a", null, "c"), download)),
                () -> assertThrows(NullPointerException.class, () -> Downloader.downloadAll(List.of("a", "b"), null)));
        assertEquals(0, calls.get(), "no download may start when an argument is null");
    }

    @Test
    void everyThreadHasEndedWhenItReturns() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<String> urls = List.of("a", "b", "c", "d", "e");
        Downloader.downloadAll(urls, url -> {
            threads.add(Thread.currentThread());
            return page(url);
        });
        assertAll(
                () -> assertEquals(urls.size(), threads.size(), "one thread per URL"),
                () -> assertTrue(threads.stream().noneMatch(Thread::isAlive), "threads still running after return"));
    }

    private static String page(String url) {
        return "<html>" + url + "</html>";
    }
}
