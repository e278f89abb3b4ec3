package grader.checks.threads;

import grader.values.Counts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import course.threads.Downloader;
import grader.checks.EvidenceReport;
import grader.probes.Episode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes how {@code Downloader.downloadAll} runs the {@code download} function it is given. The check owns that
 * function: every call is a watched call, held until all 8 are in progress together (a thread per URL, all started
 * before any join, always gets there; start-then-join in the loop never does), and then held until the caller
 * enters {@code Thread.join} or returns, so threads that were never joined are certainly alive when the method
 * returns. The agent tells the Thread API's starts from an executor's, and counts the caller's sleeps and joins;
 * a call that comes through {@code Thread.run()} on the caller's own thread is noted here.
 */
@Tag("model")
@DisplayName("threads: concurrency model")
class ThreadsModelCheck {
    static final int URLS = 8;
    /** Only the failing path ever waits this long: a right solution opens both holds at once. */
    static final Duration FALLBACK = Duration.ofSeconds(5);

    @Test
    @DisplayName("8 downloads run at once, one thread per URL, all started before any join, all joined")
    void aThreadPerUrl(TestReporter reporter) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < URLS; i++) {
            urls.add("https://example.test/lesson/" + i);
        }
        Thread caller = Thread.currentThread();
        List<String> result;
        try (Episode episode = Episode.begin("threads", URLS + " downloads, one thread per URL", "download", URLS,
                "urls.size()", URLS).holdCallsUntil(URLS, FALLBACK).watchThreadApi(FALLBACK)) {
            Function<String, String> download = url -> {
                if (Thread.currentThread() == caller && ThroughThreadRun.onThisStack()) {
                    episode.count(Counts.ThreadApi.RUN_NOT_START, 1);
                }
                Episode.Call call = episode.enterCall(false);
                try {
                    return content(url);
                } finally {
                    episode.exitCall(call);
                }
            };
            result = EvidenceReport.observe(reporter, episode, () -> Downloader.downloadAll(urls, download));
        }
        assertEquals(urls.stream().map(ThreadsModelCheck::content).toList(), result,
                "download(url) for each url, in input order, every thread joined before returning");
    }

    static String content(String url) {
        return "<html>" + url + "</html>";
    }
}
