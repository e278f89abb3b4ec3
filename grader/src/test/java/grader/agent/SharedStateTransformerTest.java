package grader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.agent.boot.Events;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedStateTransformer} applied in-process to a nested sample class (no agent; the boot classes are ordinary
 * classes here, see {@link BootSink}): monitors, synchronized methods, {@code Lock} calls and map updates, in lambdas too, report in order, and the
 * rewritten code still does what it did.
 */
class SharedStateTransformerTest {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordEvents() {
        BootSink.to((kind, payload) -> {
            switch (kind) {
                case Events.LOCK_ACQUIRED -> events.add("acquired " + simple(payload));
                case Events.LOCK_RELEASING -> events.add("releasing " + simple(payload));
                case Events.MAP_UPDATE -> events.add("update " + simple(payload));
                case Events.MAP_UPDATED -> events.add("updated " + simple(payload));
                default -> events.add(kind);
            }
        });
    }

    @AfterEach
    void clearSinks() {
        BootSink.to(null);
    }

    private static String simple(Object o) {
        String name = o instanceof Class<?> c ? "class" : o.getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Test
    void aSynchronizedBlockReportsItsLockAroundTheMapUpdateInside() throws Exception {
        Class<?> type = rewrite();
        Map<String, Long> counts = new HashMap<>();
        Object result = type.getMethod("guarded", Map.class, Object.class).invoke(null, counts, new Object());
        assertEquals(1L, result);
        assertEquals(List.of("acquired Object", "update HashMap", "updated HashMap", "releasing Object"), events);
    }

    @Test
    void aLambdasUpdateIsReportedAndStillCounts() throws Exception {
        Class<?> type = rewrite();
        Map<String, Long> counts = new ConcurrentHashMap<>();
        type.getMethod("viaLambda", Map.class).invoke(null, counts);
        assertEquals(Map.of("w", 2L), counts);
        assertEquals(List.of("update ConcurrentHashMap", "updated ConcurrentHashMap", "update ConcurrentHashMap",
                "updated ConcurrentHashMap"), events);
    }

    @Test
    void aLockAndASynchronizedMethodReportTheirLocks() throws Exception {
        Class<?> type = rewrite();
        HashMap<String, Long> counts = new HashMap<>();
        type.getMethod("withLock", Lock.class, HashMap.class).invoke(null, new ReentrantLock(), counts);
        type.getMethod("synchronizedMethod").invoke(null);
        assertEquals(Map.of("x", 1L), counts);
        assertEquals(List.of("acquired ReentrantLock", "update HashMap", "updated HashMap", "releasing ReentrantLock",
                "acquired class", "releasing class"), events);
    }

    private static Class<?> rewrite() {
        return new SharedStateTransformer(BootSink.TOKEN).transform(new ByteBuddy().redefine(Sample.class),
                        TypeDescription.ForLoadedType.of(Sample.class), Sample.class.getClassLoader(), null, null)
                .make()
                .load(Sample.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
    }

    /** Learner-shaped code: what the transformer rewrites. */
    public static class Sample {
        public static Object guarded(Map<String, Long> counts, Object lock) {
            synchronized (lock) {
                counts.merge("a", 1L, Long::sum);
            }
            return counts.get("a");
        }

        public static void viaLambda(Map<String, Long> counts) {
            Runnable task = () -> counts.merge("w", 1L, Long::sum);
            task.run();
            task.run();
        }

        public static void withLock(Lock lock, HashMap<String, Long> counts) {
            lock.lock();
            try {
                counts.put("x", 1L);
            } finally {
                lock.unlock();
            }
        }

        public static synchronized void synchronizedMethod() {
            // the JVM takes the class's monitor around this body
        }
    }
}
