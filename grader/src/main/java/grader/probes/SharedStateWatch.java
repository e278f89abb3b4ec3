package grader.probes;

import grader.values.Counts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What learner code does with shared state while an {@link Episode} runs: which threads read the input, which locks
 * they take and how often, which maps they update and of what kind. The agent reports locks and map updates for
 * exercises whose spec asks for it ({@code SharedStateTransformer}); the input list reports its reads
 * ({@link ProbingList}). Reads and map updates are the episode's watched calls.
 *
 * <p>Everything here is a count, and two rendezvous make the overlaps exact instead of timed:
 * <ul>
 *   <li>the first watched call on a thread other than the caller waits (at most the fallback) until a second one is
 *       in progress on another such thread, so parallel workers always show an overlap of 2;
 *   <li>once a lock that several workers take has been taken {@code holdAfter} times (or a synchronized map updated
 *       that often), the worker holding it waits (at most the fallback) until another worker is BLOCKED or WAITING on
 *       it, and records who waits where: one lock around every update shows its contention exactly, and right
 *       solutions, which hold no shared lock that often, never wait.
 * </ul>
 * The counters it adds to the episode's evidence: {@code lines}, {@code words} (what the input holds),
 * {@code workers} (threads other than the caller that made watched calls), {@code shared-lock-acquisitions} (the
 * most times one lock taken by two or more workers was taken by workers), {@code shared-lock-workers} (how many
 * workers took it), {@code workers-blocked-on-lock} (workers seen waiting for a worker's lock at the hold),
 * {@code synchronized-map-updates} (updates of a {@code Collections.synchronizedMap} or {@code Hashtable} by
 * workers), {@code concurrent-map-updates} (of a {@code ConcurrentMap}), {@code unsafe-map-foreign-updates} (the
 * most updates one non-thread-safe map received, outside any lock of the learner, from threads other than the first
 * one that updated it) and {@code unsafe-map-writers} (how many threads updated that map).
 */
public final class SharedStateWatch implements AutoCloseable {
    private static volatile SharedStateWatch current;

    private final Episode episode;
    private final Thread caller = Thread.currentThread();
    private final Duration fallback;
    private final long holdAfter;
    private final Rendezvous workers;
    private final Set<ThreadKey> workerThreads = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Identity, LockStats> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<Identity, MapStats> maps = new ConcurrentHashMap<>();
    private final AtomicLong synchronizedMapUpdates = new AtomicLong();
    private final AtomicLong concurrentMapUpdates = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicBoolean lockHeld = new AtomicBoolean();
    private final ThreadLocal<int[]> locksHeld = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<ArrayDeque<Episode.Call>> updates = ThreadLocal.withInitial(ArrayDeque::new);

    /** An object by identity: locks and maps are told apart by ==, whatever their equals says. */
    private record Identity(Object object) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    private static final class LockStats {
        final Set<ThreadKey> takers = ConcurrentHashMap.newKeySet();
        final AtomicLong byWorkers = new AtomicLong();
    }

    private static final class MapStats {
        final AtomicReference<Thread> first = new AtomicReference<>();
        final Set<ThreadKey> writers = ConcurrentHashMap.newKeySet();
        final AtomicLong foreignUnlocked = new AtomicLong();
    }

    private SharedStateWatch(Episode episode, Duration fallback, long holdAfter) {
        this.episode = episode;
        this.fallback = fallback;
        this.holdAfter = Math.max(1, holdAfter);
        this.workers = new Rendezvous(2, fallback, episode::recordWaits);
        episode.reportRendezvous(workers);
    }

    /**
     * Starts watching shared state in {@code episode}, on the caller's thread, before the learner's method is called.
     *
     * @param lines     how many lines the input holds
     * @param words     how many words they hold
     * @param holdAfter acquisitions of one shared lock (or updates of one synchronized map) before the hold
     */
    public static SharedStateWatch begin(Episode episode, int lines, long words, long holdAfter, Duration fallback) {
        if (!LearnerCode.graderCalls(LearnerCode.CALLERS.getCallerClass())) {
            throw new IllegalCallerException("only the grader's code begins a shared-state watch");
        }
        SharedStateWatch w = new SharedStateWatch(episode, fallback, holdAfter);
        episode.count(Counts.SharedState.LINES, lines);
        episode.count(Counts.SharedState.WORDS, words);
        current = w;
        return w;
    }

    static SharedStateWatch current() {
        return current;
    }

    /** Stops watching and adds the counters to the episode; call before {@link Episode#evidence()}. */
    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        workers.release();
        episode.count(Counts.SharedState.WORKERS, workerThreads.size());
        long sharedLock = 0;
        long sharedLockWorkers = 0;
        for (LockStats s : locks.values()) {
            long takers = s.takers.stream().filter(k -> k.thread() != caller).count();
            if (takers >= 2 && s.byWorkers.get() > sharedLock) {
                sharedLock = s.byWorkers.get();
                sharedLockWorkers = takers;
            }
        }
        episode.count(Counts.SharedState.SHARED_LOCK_ACQUISITIONS, sharedLock);
        episode.count(Counts.SharedState.SHARED_LOCK_WORKERS, sharedLockWorkers);
        episode.count(Counts.SharedState.WORKERS_BLOCKED_ON_LOCK, blocked.get());
        episode.count(Counts.SharedState.SYNCHRONIZED_MAP_UPDATES, synchronizedMapUpdates.get());
        episode.count(Counts.SharedState.CONCURRENT_MAP_UPDATES, concurrentMapUpdates.get());
        long foreign = 0;
        long writers = 0;
        for (MapStats s : maps.values()) {
            if (s.foreignUnlocked.get() > foreign) {
                foreign = s.foreignUnlocked.get();
                writers = s.writers.size();
            }
        }
        episode.count(Counts.SharedState.UNSAFE_MAP_FOREIGN_UPDATES, foreign);
        episode.count(Counts.SharedState.UNSAFE_MAP_WRITERS, writers);
    }

    /** {@return how many workers the lock hold saw waiting; 0 until it did} */
    long blockedSeen() {
        return blocked.get();
    }

    // ---- watched calls: reads of the input and map updates ----

    /** A watched call starts on this thread; a worker's first ones wait at the rendezvous. */
    Episode.Call enterCall() {
        Episode.Call call = episode.enterCall(false);
        Thread t = Thread.currentThread();
        if (t != caller) {
            workerThreads.add(ThreadKey.of(t));
            workers.arrive();
        }
        return call;
    }

    void exitCall(Episode.Call call) {
        episode.exitCall(call);
    }

    // ---- events from the Recorder ----

    void lockAcquired(Object lock) {
        locksHeld.get()[0]++;
        Thread t = Thread.currentThread();
        LockStats s = locks.computeIfAbsent(new Identity(lock), k -> new LockStats());
        s.takers.add(ThreadKey.of(t));
        if (t == caller) {
            return;
        }
        long n = s.byWorkers.incrementAndGet();
        if (n >= holdAfter && s.takers.size() >= 2 && lockHeld.compareAndSet(false, true)) {
            holdUntilAnotherWaits();
        }
    }

    void lockReleasing(Object lock) {
        int[] held = locksHeld.get();
        if (held[0] > 0) {
            held[0]--;
        }
    }

    void mapUpdate(Object map) {
        if (map == null) {
            return;
        }
        Thread t = Thread.currentThread();
        String type = map.getClass().getName();
        boolean synchronizedMap = type.startsWith("java.util.Collections$Synchronized") || type.equals("java.util.Hashtable");
        long syncUpdates = 0;
        if (synchronizedMap) {
            if (t != caller) {
                syncUpdates = synchronizedMapUpdates.incrementAndGet();
            }
        } else if (map instanceof ConcurrentMap<?, ?>) {
            if (t != caller) {
                concurrentMapUpdates.incrementAndGet();
            }
        } else {
            MapStats s = maps.computeIfAbsent(new Identity(map), k -> new MapStats());
            s.writers.add(ThreadKey.of(t));
            if (!s.first.compareAndSet(null, t) && s.first.get() != t && locksHeld.get()[0] == 0) {
                s.foreignUnlocked.incrementAndGet();
            }
        }
        updates.get().push(enterCall());
        if (syncUpdates >= holdAfter && lockHeld.compareAndSet(false, true)) {
            // A synchronized map locks itself in every method; hold that lock as one of its updates would.
            synchronized (map) {
                holdUntilAnotherWaits();
            }
        }
    }

    void mapUpdated(Object map) {
        Episode.Call call = updates.get().poll();
        if (call != null) {
            exitCall(call);
        }
    }

    /**
     * Holding a lock, waits until another worker is BLOCKED on it (a monitor) or WAITING for it (a
     * {@code java.util.concurrent} lock names its owner too), at most the fallback; then notes where they wait.
     */
    private void holdUntilAnotherWaits() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        long deadline = System.nanoTime() + fallback.toNanos();
        while (true) {
            List<Thread> others = workerThreads.stream().map(ThreadKey::thread).filter(t -> t != Thread.currentThread() && !t.isVirtual()).toList();
            long[] ids = others.stream().mapToLong(Thread::threadId).toArray();
            long waiting = 0;
            for (ThreadInfo info : mx.getThreadInfo(ids)) {
                if (info != null && info.getLockOwnerId() == me && (info.getThreadState() == Thread.State.BLOCKED
                        || info.getThreadState() == Thread.State.WAITING)) {
                    waiting++;
                }
            }
            if (waiting > 0) {
                blocked.set(waiting);
                episode.recordWaits();
                return;
            }
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
            LockSupport.parkNanos(200_000); // polls thread states; the fallback is a safety net, never a verdict
        }
    }
}
