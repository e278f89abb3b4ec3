package grader.checks.crawl;

import grader.values.Counts;
import grader.probes.Episode;
import grader.probes.Rendezvous;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Tells a sliding window (a {@code Semaphore}, a pool of {@code maxInFlight} workers: a finished request makes room
 * for the next at once) from batches (the URLs cut into groups of {@code maxInFlight}, each group joined before the
 * next is sent). Both reach the cap, so the peak cannot tell them apart; what happens after one response can.
 *
 * <p>The server calls {@link #hold()} for every request. The first {@code limit} requests (the <em>first wave</em>)
 * wait at a {@link Rendezvous} until they are all in flight together, and then stay held here; once all of them are,
 * the probe lets them through one at a time. After each one it waits for one of two things, both decided by counts and thread
 * states:
 * <ul>
 *   <li>a request beyond the first wave arrives while some of the first wave are still held: the window slid;</li>
 *   <li>the released response has reached the learner's code (its call ended) and every thread of the learner's
 *       (the caller, the threads its code started, those that made calls) is waiting, blocked or gone, with no new
 *       request: nothing will be sent until more responses come. The next response is released.</li>
 * </ul>
 * When the last response of the first wave is released and no request beyond it came while any was held, after the
 * learner's threads were seen waiting each time, the requests went out in batches. Releasing one at a time, rather
 * than deciding after the first, means a thread that was woken but has not run yet (a platform thread reads as
 * WAITING until it runs) would have to stay unscheduled through every one of the {@code limit - 1} rounds to be taken
 * for a barrier.
 *
 * <p>A generous safety net bounds each wait: when it runs out the probe has decided nothing, lets every response
 * through and reports "not decided", which gives no flaw. So does a call that ends before the probe could decide.
 */
final class SlidingWindowProbe {
    /** What the probe saw. */
    enum Outcome {
        /** a request beyond the first wave came while part of it was still held */
        SLID,
        /** every response of the first wave was let through one by one, and none of them made room for a request */
        BATCHES,
        /** the probe did not run to an end: no first wave was held, the call ended, or the safety net ran out */
        UNDECIDED
    }

    private final int limit;
    private final int urls;
    private final Rendezvous rendezvous;
    private final Episode episode;
    private final Duration safetyNet;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final Semaphore gate = new Semaphore(0);
    private final AtomicBoolean slid = new AtomicBoolean();
    private volatile int released;
    private volatile boolean open;
    private volatile boolean probing;
    private volatile boolean gaveUp;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Outcome outcome = Outcome.UNDECIDED;
    private volatile int quietRounds;
    private volatile int waitingThreads;
    private volatile int firstWaiting;
    private volatile int urlsLeft;
    private final Thread prober;

    /**
     * @param limit      the cap, and so the first wave's size
     * @param urls       how many URLs the learner is given
     * @param episode    the observed call: its ended calls and its threads
     * @param fallback   how long the rendezvous that gathers the first wave waits at most (see {@link Rendezvous})
     * @param safetyNet  the most each wait of the probe lasts; when it runs out, nothing is decided
     */
    SlidingWindowProbe(int limit, int urls, Episode episode, Duration fallback, Duration safetyNet) {
        this.limit = limit;
        this.urls = urls;
        this.rendezvous = new Rendezvous(limit, fallback, () -> {
            episode.recordWaits();
            gaveUp = true;
        });
        this.episode = episode;
        this.safetyNet = safetyNet;
        this.prober = Thread.ofPlatform().daemon().name("crawl-window-probe").unstarted(this::probe);
        if (limit < 2) {
            open = true; // a cap of 1 has no window to slide
        }
    }

    /** Starts the probe; call it before the learner's method. */
    void start() {
        if (!open) {
            prober.start();
        }
    }

    /** Called by the server for every request, on its handler thread: may hold the response. */
    void hold() {
        int n = arrivals.incrementAndGet();
        rendezvous.arrive();
        if (n > limit) {
            if (!open && released < limit) {
                slid.set(true);
                LockSupport.unpark(prober);
            }
            return;
        }
        // Held whether or not the rendezvous was reached in time: on a loaded machine a right solution may take longer
        // than its fallback to send its first wave, and the probe still waits for it (see probe()).
        if (open) {
            return;
        }
        held.incrementAndGet();
        LockSupport.unpark(prober);
        gate.acquireUninterruptibly();
    }

    /**
     * Ends the probe (when the learner's method has returned or thrown), lets every response through and records
     * what was seen as counters of the episode: {@code window-slid}, {@code window-batches} or
     * {@code window-undecided} (1 for the outcome), and for batches {@code window-first-wave} (the requests held),
     * {@code window-quiet-rounds} (responses after which nothing was sent), {@code window-waiting-threads} (the
     * learner's threads, all waiting, after the first of them) and {@code window-urls-left} (URLs not yet requested
     * then).
     */
    void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (prober.isAlive()) {
            prober.interrupt();
            try {
                prober.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        openAll();
        switch (outcome) {
            case SLID -> episode.atLeast(Counts.Window.SLID, 1);
            case BATCHES -> {
                episode.atLeast(Counts.Window.BATCHES, 1);
                episode.atLeast(Counts.Window.FIRST_WAVE, limit);
                episode.atLeast(Counts.Window.QUIET_ROUNDS, quietRounds);
                episode.atLeast(Counts.Window.WAITING_THREADS, firstWaiting);
                episode.atLeast(Counts.Window.URLS_LEFT, urlsLeft);
            }
            case UNDECIDED -> {
                if (probing) {
                    episode.atLeast(Counts.Window.UNDECIDED, 1);
                }
            }
        }
    }

    Outcome outcome() {
        return outcome;
    }

    /** {@return the rendezvous that gathers the first wave, for the episode's evidence} */
    Rendezvous rendezvous() {
        return rendezvous;
    }

    private void probe() {
        try {
            // No safety net here: a first wave that never gathers (a small pool) is not this probe's business, and the
            // call's end stops the wait.
            awaitUntil(() -> held.get() >= limit || slid.get() || gaveUp, null);
            // The rendezvous gave up (a small pool, or a loaded machine): the first wave still gets the safety net's
            // time to gather; if it does not, nothing is decided and everything flows.
            // A wave that stopped below the cap for good (every request begun has arrived and no thread of the
            // learner's can run: a small pool) ends the wait at once rather than at the safety net.
            if (!slid.get() && held.get() < limit
                    && !awaitUntil(() -> held.get() >= limit || slid.get() || stoppedBelowTheCap(), safetyNet)) {
                return;
            }
            if (!slid.get() && held.get() < limit) {
                return;
            }
            if (slid.get()) {
                outcome = Outcome.SLID;
                return;
            }
            probing = true;
            int endedBefore = episode.callsEnded();
            for (int r = 1; r <= limit; r++) {
                released = r;
                gate.release();
                if (r == limit) {
                    outcome = slid.get() ? Outcome.SLID : Outcome.BATCHES;
                    return;
                }
                int round = r;
                if (!awaitUntil(() -> slid.get() || quiet(endedBefore + round), safetyNet)) {
                    return; // the safety net ran out: nothing is decided
                }
                if (slid.get()) {
                    outcome = Outcome.SLID;
                    return;
                }
                if (round == 1) {
                    urlsLeft = Math.max(0, urls - arrivals.get());
                    firstWaiting = waitingThreads;
                }
                quietRounds = round;
            }
        } catch (InterruptedException e) {
            // the call ended first: nothing is decided
        } finally {
            openAll();
        }
    }

    /**
     * {@return whether nothing will be sent until more responses come}: {@code ended} calls have ended (so the
     * response just released has reached the learner's code), and no thread of the learner's can run. Checked twice,
     * with the probe parked in between, so that a thread woken just before the first look has had its turn.
     */
    private boolean quiet(int ended) {
        return episode.callsEnded() >= ended && lookedAtTwice(() -> !slid.get() && !inTransit() && allWaiting());
    }

    /**
     * {@return whether a request the learner's code began has not reached the server yet}: its thread waits for the
     * response while the JDK's client threads (not the learner's) still send it, so "every learner thread waits"
     * alone would read a request on its way as none coming. Counts, not time: begun calls against arrivals.
     */
    private boolean inTransit() {
        return episode.callsBegun() > arrivals.get();
    }

    /** {@return whether the first wave stopped below the cap: nothing in transit and no learner thread can run} */
    private boolean stoppedBelowTheCap() {
        return lookedAtTwice(() -> held.get() < limit && !inTransit() && allWaiting());
    }

    /**
     * {@return whether {@code state} holds, and still holds after the probe has parked once}: a thread woken just
     * before the first look has had its turn by the second.
     */
    private boolean lookedAtTwice(BooleanSupplier state) {
        if (!state.getAsBoolean()) {
            return false;
        }
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        return state.getAsBoolean();
    }

    private boolean allWaiting() {
        int waiting = 0;
        for (Thread t : episode.learnerThreads()) {
            switch (t.getState()) {
                case NEW, RUNNABLE -> {
                    return false;
                }
                case BLOCKED, WAITING, TIMED_WAITING -> waiting++;
                case TERMINATED -> { }
            }
        }
        waitingThreads = waiting;
        return true;
    }

    /**
     * Waits until {@code condition} holds, looking again at every arrival and at least every millisecond (the states
     * of threads send no signal). {@return false if {@code bound} (when not null) ran out first}
     */
    private boolean awaitUntil(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = bound == null ? 0 : System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (bound != null && System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private void openAll() {
        open = true;
        gate.release(limit + 1);
    }
}
