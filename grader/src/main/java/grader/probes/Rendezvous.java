package grader.probes;

import grader.values.Evidence;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the first calls until {@code target} of them are in progress together, so that overlap is
 * exact rather than timed: a bounded pool of {@code target} always reaches it, a sequential or
 * serialised one never does. One-shot: once reached, or once the generous fallback has passed
 * (only on the failing path), every later call goes straight through.
 */
public final class Rendezvous {
    private final int target;
    private final Duration fallback;
    private final Runnable onGiveUp;
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicBoolean reached = new AtomicBoolean();
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    /**
     * @param target   calls to hold until they are all in progress together (1 means no hold)
     * @param fallback how long the first held call waits at most; a safety net, never a verdict
     * @param onGiveUp run once, on the thread that gives up, before anything is released
     */
    public Rendezvous(int target, Duration fallback, Runnable onGiveUp) {
        this.target = target;
        this.fallback = fallback;
        this.onGiveUp = onGiveUp;
        if (target <= 1) {
            reached.set(true);
            open.countDown();
        }
    }

    /** Waits, if the rendezvous is still closed, until it opens or gives up. */
    public void arrive() {
        if (open.getCount() == 0) {
            return;
        }
        if (held.incrementAndGet() >= target) {
            reached.set(true);
            open.countDown();
            return;
        }
        boolean interrupted = false;
        try {
            if (!open.await(fallback.toMillis(), TimeUnit.MILLISECONDS) && gaveUp.compareAndSet(false, true)) {
                try {
                    onGiveUp.run();
                } finally {
                    open.countDown();
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Releases everything held now (end of the scenario). */
    public void release() {
        open.countDown();
    }

    public int target() {
        return target;
    }

    /** {@return true once {@code target} calls were in progress together} */
    public boolean reached() {
        return reached.get();
    }

    Evidence.RendezvousResult result() {
        return new Evidence.RendezvousResult(target, reached.get());
    }
}
