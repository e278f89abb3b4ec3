package bench.jmh;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What {@link AgentEventsInEpisode} declares as the learner's code: it makes the events, so the agent attributes them
 * to a frame here. It names no grader class, since the agent refuses the learner's lookups of those.
 */
final class LearnerCalls {
    private static final Runnable NOTHING = () -> { };

    private LearnerCalls() {}

    static void platformThreadStartJoin() throws InterruptedException {
        Thread t = new Thread(NOTHING);
        t.start();
        t.join();
    }

    static void virtualThreadStartJoin() throws InterruptedException {
        Thread t = Thread.ofVirtual().start(NOTHING);
        t.join();
    }

    static ThreadPoolExecutor threadPoolExecutorConstruction() {
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    }
}
