package course.threads;

import java.util.List;
import java.util.function.Function;

/**
 * Exercise {@code threads}: one thread per URL, all started, then all joined, the Java counterpart of
 * the Python lesson's threading basics:
 * <pre>{@code
 * threads = [threading.Thread(target=download, args=(url,)) for url in urls]
 * for t in threads: t.start()
 * for t in threads: t.join()
 * }</pre>
 *
 * <p>The point of the exercise is the {@link Thread} API itself: create a thread per URL, start every
 * one of them before you join any, then join every one before you return. See
 * {@code exercises/docs/threads.md} for the task, the models that fit and what the grader observes.
 */
public final class Downloader {

    /** No instances: the exercise is one static method. */
    private Downloader() {
    }

    /**
     * Downloads every URL on a thread of its own and returns the results in the order of {@code urls}.
     *
     * <p><strong>Result.</strong> A new list with one element per element of {@code urls}: element
     * {@code i} is the value {@code download.apply(urls.get(i))} returned. The returned list may be
     * unmodifiable. {@code urls} is not modified. {@code download} returns a non-null string.
     *
     * <p><strong>Calls.</strong> {@code download} is called exactly once for each element of
     * {@code urls}, repeated URLs included: no caching, no skipping. An empty {@code urls} gives an
     * empty list and makes no call.
     *
     * <p><strong>Threads.</strong> Each call of {@code download} runs on a new thread of its own,
     * created and started with the {@code Thread} API ({@code new Thread(..).start()},
     * {@code Thread.ofPlatform().start(..)}, {@code Thread.ofVirtual().start(..)} or
     * {@code Thread.startVirtualThread(..)}): one thread per URL, never the calling thread, and no
     * executor. Every thread is started before any thread is joined, so all downloads can be in
     * progress at the same time: a call of {@code download} may wait until every other one has
     * started, and this method still completes. The calling thread then waits for every thread with
     * {@link Thread#join()}, not by sleeping in a loop. When this method returns or throws, every thread
     * it started has ended.
     *
     * <p><strong>Failures.</strong> If one or more calls of {@code download} throw, this method first
     * joins every thread, then throws the exception thrown for the earliest such URL in the order of
     * {@code urls} (the same instance, unwrapped: a {@code RuntimeException} or an {@code Error}).
     *
     * <p><strong>Arguments.</strong> They are checked first, before any thread is started: when a
     * check fails, no thread is started and {@code download} is not called.
     *
     * <p><strong>Interruption.</strong> If the calling thread is interrupted while it waits, this
     * method still waits for every thread to end and then completes as above, with the thread's
     * interrupt status set.
     *
     * <p><strong>Grading.</strong> Besides the results, the grader counts the calls of
     * {@code download}, observes which threads made them and of what kind, how many were in progress
     * at once, which threads your code started and how (the {@code Thread} API or an executor), whether
     * your thread joined them or slept, and the threads still alive after this method returned. It
     * never judges by the clock.
     *
     * @param urls     the URLs to download, in the order of the result
     * @param download downloads one URL and returns its content; it may block
     * @return {@code download.apply(url)} for each {@code url} in {@code urls}, in the same order
     * @throws NullPointerException if {@code urls}, an element of {@code urls} or {@code download} is
     *                              {@code null}
     * @throws RuntimeException     the exception a call of {@code download} threw (see Failures)
     */
    public static List<String> downloadAll(List<String> urls, Function<String, String> download) {
        throw new UnsupportedOperationException("TODO");
    }
}
