package grader.probes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Evidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shared-state counters without the agent: the test's threads report locks and map updates to the Recorder as the
 * rewritten learner code would. Every wait here ends on an observed state, never on the clock (the fallbacks are
 * minutes long, so a test that relied on one would time out).
 */
@Timeout(60)
class SharedStateWatchTest {
    static final Duration NEVER = Duration.ofMinutes(5);

    /** Runs {@code work} on {@code n} platform threads at once and joins them. */
    private static void onWorkers(int n, Runnable work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().name("worker-" + i).start(work));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void aLockEveryUpdateTakesIsCountedAndItsHolderSeesAnotherWorkerBlocked() throws InterruptedException {
        Object lock = new Object();
        java.util.concurrent.atomic.AtomicLong taken = new java.util.concurrent.atomic.AtomicLong();
        Evidence e;
        try (Episode episode = Episode.begin("lock", "test", "counting step", 100, "threads", 2)) {
            try (SharedStateWatch watch = SharedStateWatch.begin(episode, 100, 400, 50, NEVER)) {
                List<String> lines = new ProbingList<>(Collections.nCopies(100, "a b c d"), watch);
                // Both keep taking the lock until the holder saw the other one blocked: whichever is scheduled
                // first, the other is still there to block.
                onWorkers(2, () -> {
                    for (int i = 0; watch.blockedSeen() == 0 && i < 10_000_000; i++) {
                        lines.get(i % 100);
                        synchronized (lock) {
                            Recorder.lockAcquired(lock);
                            taken.incrementAndGet();
                            Recorder.lockReleasing(lock);
                        }
                    }
                });
            }
            e = episode.evidence();
        }
        Evidence evidence = e;
        assertAll(
                () -> assertEquals(taken.get(), evidence.counter("shared-lock-acquisitions")),
                () -> assertTrue(taken.get() >= 50, "held after 50: " + taken.get()),
                () -> assertEquals(2, evidence.counter("shared-lock-workers")),
                () -> assertEquals(1, evidence.counter("workers-blocked-on-lock")),
                () -> assertEquals(2, evidence.counter("workers")),
                () -> assertTrue(evidence.rendezvous().reached()),
                () -> assertTrue(evidence.peakOverlap() >= 2));
    }

    @Test
    void mapsAreToldApartByKindAndAnUnsafeOneByItsForeignUpdates() throws InterruptedException {
        Map<String, Long> shared = new HashMap<>();
        Map<String, Long> concurrent = new ConcurrentHashMap<>();
        Map<String, Long> synced = Collections.synchronizedMap(new HashMap<>());
        Evidence e;
        try (Episode episode = Episode.begin("lock", "test", "counting step", 10, "threads", 2)) {
            try (SharedStateWatch watch = SharedStateWatch.begin(episode, 10, 40, 1_000_000, NEVER)) {
                onWorkers(2, () -> {
                    Map<String, Long> own = new HashMap<>();
                    for (int i = 0; i < 100; i++) {
                        for (Map<String, Long> m : List.of(shared, concurrent, synced, own)) {
                            Recorder.mapUpdate(m);
                            Recorder.mapUpdated(m);
                        }
                    }
                });
            }
            e = episode.evidence();
        }
        Evidence evidence = e;
        assertAll(
                () -> assertEquals(200, evidence.counter("concurrent-map-updates")),
                () -> assertEquals(200, evidence.counter("synchronized-map-updates")),
                // One worker updated the shared map first; the other's 100 updates are foreign. Own maps have none.
                () -> assertEquals(100, evidence.counter("unsafe-map-foreign-updates")),
                () -> assertEquals(2, evidence.counter("unsafe-map-writers")),
                () -> assertEquals(0, evidence.counter("shared-lock-acquisitions")),
                () -> assertEquals(800, evidence.calls()));
    }

    @Test
    void updatesUnderALockAreNotForeignAndTheCallersAreNotAWorkers() throws InterruptedException {
        Map<String, Long> shared = new HashMap<>();
        Object lock = new Object();
        Evidence e;
        try (Episode episode = Episode.begin("lock", "test", "counting step", 10, "threads", 2)) {
            try (SharedStateWatch watch = SharedStateWatch.begin(episode, 10, 40, 1_000_000, NEVER)) {
                List<String> lines = new ProbingList<>(Collections.nCopies(10, "a b c d"), watch);
                Recorder.mapUpdate(shared); // the caller updates first
                Recorder.mapUpdated(shared);
                onWorkers(2, () -> {
                    for (int i = 0; i < 50; i++) {
                        lines.get(i % 10); // outside the lock, as a worker reads its line: the first call may wait
                        synchronized (lock) {
                            Recorder.lockAcquired(lock);
                            Recorder.mapUpdate(shared);
                            Recorder.mapUpdated(shared);
                            Recorder.lockReleasing(lock);
                        }
                    }
                });
            }
            e = episode.evidence();
        }
        Evidence evidence = e;
        assertAll(
                () -> assertEquals(0, evidence.counter("unsafe-map-foreign-updates")),
                () -> assertEquals(100, evidence.counter("shared-lock-acquisitions")),
                () -> assertEquals(2, evidence.counter("workers")));
    }
}
