package grader.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RendezvousTest {

    @Test
    void opensWhenTargetCallsArePresentTogether() throws InterruptedException {
        Rendezvous r = new Rendezvous(3, Duration.ofMinutes(5), () -> { throw new AssertionError("must not give up"); });
        CountDownLatch through = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            Thread.ofPlatform().start(() -> {
                r.arrive();
                through.countDown();
            });
        }
        through.await();
        assertTrue(r.reached());
    }

    @Test
    void aLoneCallerGivesUpOnceAndLaterCallsPassStraightThrough() {
        AtomicInteger gaveUp = new AtomicInteger();
        Rendezvous r = new Rendezvous(2, Duration.ofMillis(50), gaveUp::incrementAndGet);
        r.arrive();
        r.arrive();
        r.arrive();
        assertFalse(r.reached());
        assertEquals(1, gaveUp.get());
    }

    @Test
    void aTargetOfOneNeverHolds() {
        Rendezvous r = new Rendezvous(1, Duration.ofMinutes(5), () -> { throw new AssertionError(); });
        r.arrive();
        assertTrue(r.reached());
    }

    @Test
    void releaseLetsHeldCallsGo() throws InterruptedException {
        Rendezvous r = new Rendezvous(5, Duration.ofMinutes(5), () -> { });
        CountDownLatch arrived = new CountDownLatch(1);
        Thread held = Thread.ofPlatform().start(() -> {
            arrived.countDown();
            r.arrive();
        });
        arrived.await();
        r.release();
        held.join();
        assertFalse(r.reached());
    }
}
