package grader.agent.boot;

import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Stand-ins for lock and map calls in learner code (the {@code lock} exercise's classes): the agent rewrites each such
 * call site to the static method here of the same name, with the receiver as the first argument, and the method makes
 * the learner's call as it was and reports it around the call ({@link Events#LOCK_ACQUIRED}, {@link Events#MAP_UPDATE}
 * ...). What the learner's call throws is the learner's.
 *
 * <p>They need no token: each reports only the call it makes itself, so learner code that calls one directly reports
 * a lock it really took or an update it really made. Bootstrap class path only, {@code java.base} types only (see
 * {@link Events}).
 */
public final class StandIns {
    private StandIns() {}

    /** Stands in for {@code lock.lock()}. */
    public static void lock(Lock lock) {
        lock.lock();
        Events.emit(Events.LOCK_ACQUIRED, lock);
    }

    /** Stands in for {@code lock.lockInterruptibly()}. */
    public static void lockInterruptibly(Lock lock) throws InterruptedException {
        lock.lockInterruptibly();
        Events.emit(Events.LOCK_ACQUIRED, lock);
    }

    /** Stands in for {@code lock.tryLock()}. */
    public static boolean tryLock(Lock lock) {
        boolean acquired = lock.tryLock();
        if (acquired) {
            Events.emit(Events.LOCK_ACQUIRED, lock);
        }
        return acquired;
    }

    /** Stands in for {@code lock.unlock()}. */
    public static void unlock(Lock lock) {
        Events.emit(Events.LOCK_RELEASING, lock);
        lock.unlock();
    }

    /** Stands in for {@code map.put(key, value)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapPut(Map map, Object key, Object value) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            return map.put(key, value);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }

    /** Stands in for {@code map.putIfAbsent(key, value)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapPutIfAbsent(Map map, Object key, Object value) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            return map.putIfAbsent(key, value);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }

    /** Stands in for {@code map.merge(key, value, f)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapMerge(Map map, Object key, Object value, BiFunction f) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            return map.merge(key, value, f);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }

    /** Stands in for {@code map.compute(key, f)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapCompute(Map map, Object key, BiFunction f) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            return map.compute(key, f);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }

    /** Stands in for {@code map.computeIfPresent(key, f)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapComputeIfPresent(Map map, Object key, BiFunction f) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            return map.computeIfPresent(key, f);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }

    /** Stands in for {@code map.computeIfAbsent(key, f)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapComputeIfAbsent(Map map, Object key, Function f) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            return map.computeIfAbsent(key, f);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }

    /** Stands in for {@code map.putAll(other)}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void mapPutAll(Map map, Map other) {
        Events.emit(Events.MAP_UPDATE, map);
        try {
            map.putAll(other);
        } finally {
            Events.emit(Events.MAP_UPDATED, map);
        }
    }
}
