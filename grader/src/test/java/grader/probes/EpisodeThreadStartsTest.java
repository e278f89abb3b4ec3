package grader.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a learner's thread start is counted: by the frames between the learner's call and the start, not by what the
 * learner's code itself runs in. The agent's probe is stood in for by {@link AgentStandIn}, a grader class that calls
 * {@link Recorder#threadStarted}: learner code that calls the recorder itself records nothing.
 */
@Timeout(30)
class EpisodeThreadStartsTest {

    /** Stands in for the agent's sink, the grader's code that calls the recorder. */
    static final class AgentStandIn {
        static void threadStarted(Thread t) {
            Recorder.threadStarted(t);
        }
    }

    /** The learner's code. */
    static final class Learner {
        static void startOne(Thread t) {
            AgentStandIn.threadStarted(t);
        }

        /** Forges a start: calls the recorder itself. */
        static void recordOne(Thread t) {
            Recorder.threadStarted(t);
        }

        /** A thread started from a task the learner's code runs in a pool of its own. */
        static void startOneFromAPoolTask(Thread t) {
            ForkJoinPool pool = new ForkJoinPool(1);
            try {
                pool.submit(() -> AgentStandIn.threadStarted(t)).join();
            } finally {
                pool.shutdown();
            }
        }
    }

    @BeforeEach
    void declare() {
        LearnerCode.declare(Set.of(Learner.class.getName()));
    }

    @AfterEach
    void forget() {
        LearnerCode.declare(Set.of());
    }

    @Test
    void aThreadTheLearnerStartsInsideAPoolTaskIsAThreadApiStartNotAnExecutorStart() {
        Map<String, Long> counters;
        try (Episode episode = Episode.begin("threads", "test", "download", 2, "none", 0).watchThreadApi(Duration.ofSeconds(1))) {
            Learner.startOne(new Thread(() -> {}, "direct"));
            Learner.startOneFromAPoolTask(new Thread(() -> {}, "from-a-task"));
            episode.returned();
            counters = episode.evidence().counters();
        }
        assertEquals(2L, counters.get("thread-api-starts"), counters::toString);
        assertEquals(null, counters.get("executor-starts"), counters::toString);
    }

    @Test
    void theLearnersOwnCallOfTheRecorderRecordsNothing() {
        Map<String, Long> counters;
        try (Episode episode = Episode.begin("threads", "test", "download", 1, "none", 0).watchThreadApi(Duration.ofSeconds(1))) {
            Learner.recordOne(new Thread(() -> {}, "forged"));
            Learner.startOne(new Thread(() -> {}, "direct"));
            episode.returned();
            counters = episode.evidence().counters();
        }
        assertEquals(1L, counters.get("thread-api-starts"), counters::toString);
    }

    @Test
    void aStartWithNoLearnerFrameBeforeTheFirstOtherFrameIsNotTheLearners() {
        Map<String, Long> counters;
        try (Episode episode = Episode.begin("threads", "test", "download", 1, "none", 0).watchThreadApi(Duration.ofSeconds(1))) {
            Recorder.threadStarted(new Thread(() -> {}, "by-the-test"));
            episode.returned();
            counters = episode.evidence().counters();
        }
        assertEquals(null, counters.get("thread-api-starts"), counters::toString);
    }

    /** A learner's thread class that overrides what it may: the grader's bookkeeping must never run it. */
    static final class Hostile extends Thread {
        static final java.util.concurrent.atomic.AtomicInteger RAN = new java.util.concurrent.atomic.AtomicInteger();

        Hostile(String name) {
            super(() -> {}, name);
        }

        @Override
        public int hashCode() {
            RAN.incrementAndGet();
            throw new IllegalStateException("learner code ran inside the grader's bookkeeping");
        }

        @Override
        public boolean equals(Object o) {
            RAN.incrementAndGet();
            return true;
        }
    }

    @Test
    void aThreadSubclassesHashCodeAndEqualsNeverRunInTheBookkeeping() {
        Map<String, Long> counters;
        Hostile.RAN.set(0);
        try (Episode episode = Episode.begin("threads", "test", "download", 2, "none", 0).watchThreadApi(Duration.ofSeconds(1))) {
            Learner.startOne(new Hostile("first"));
            Learner.startOne(new Hostile("second"));
            episode.returned();
            counters = episode.evidence().counters();
            episode.learnerThreads();
        }
        assertEquals(2L, counters.get("thread-api-starts"), "two threads, told apart by identity: " + counters);
        assertEquals(0, Hostile.RAN.get(), "hashCode/equals of the learner's Thread subclass ran");
    }
}
