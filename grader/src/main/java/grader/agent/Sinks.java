package grader.agent;

import grader.agent.boot.Events;
import grader.agent.boot.Guards;
import grader.probes.Recorder;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The agent's side of the boot classes: the one sink {@link Events} hands every event to, which turns it into a
 * {@link Recorder} call on the thread that caused it (after showing it to the {@link SelfTest} while one runs). One
 * frame for every kind: the boot side's re-entrancy guard and exception swallowing live once in {@code Events.emit}.
 */
final class Sinks implements BiConsumer<String, Object> {
    /** Non-null while premain's self-test runs. */
    static volatile SelfTest selfTest;

    /** The token woven into learner classes' advice ({@link Events} records their events only with it). */
    static final long TOKEN = ThreadLocalRandom.current().nextLong();

    /** An observer for the agent jar's own tests ({@link EventTap}); null in the grader. */
    static volatile BiConsumer<String, Object> tap;

    private Sinks() {}

    /**
     * Names the boot classes for the first time: call only after {@link BootstrapInjection#appendBootClasses}.
     * {@return whether the sink was installed by this call (false: another was there first)}
     *
     * @param wovenJdkTypes the JDK classes the agent weaves: the only callers whose JDK events record
     */
    static boolean install(Set<String> wovenJdkTypes) {
        Set<String> names = Set.copyOf(wovenJdkTypes);
        Predicate<Class<?>> jdkCallers = c -> c.getClassLoader() == null && names.contains(c.getName());
        return Events.install(TOKEN, jdkCallers, new Sinks());
    }

    /**
     * Turns on the caps (negative: none), the network switch, the lookup policy and the file policy (the learner's
     * files in this JVM's {@code java.io.tmpdir}, see {@link grader.probes.FilePolicy}), then seals them.
     */
    static void guard(int threads, int processes, boolean loopbackOnly) throws java.io.IOException {
        Guards.configure(threads, processes, loopbackOnly, Recorder::lookupRefusal);
        grader.probes.FilePolicy.configure(System.getProperty("java.io.tmpdir"), System.getProperty("java.home"));
        Guards.configureFiles(Recorder::fileRefusal);
        Guards.seal();
    }

    /** {@return the class loader that defined the boot classes: null (the bootstrap loader) when the injection worked} */
    static ClassLoader bootLoader() {
        return Events.class.getClassLoader();
    }

    @Override
    public void accept(String kind, Object payload) {
        BiConsumer<String, Object> t = tap;
        if (t != null) {
            t.accept(kind, payload);
        }
        SelfTest test = selfTest;
        switch (kind) {
            case Events.THREAD -> {
                Thread thread = (Thread) payload;
                if (test != null) {
                    test.threadStarted(thread);
                }
                Recorder.threadStarted(thread);
            }
            case Events.POOL -> {
                Object[] event = (Object[]) payload;
                Object pool = event[0];
                String poolKind = (String) event[1];
                int core = (Integer) event[2];
                int max = (Integer) event[3];
                if (test != null) {
                    test.poolCreated(pool, poolKind, core, max);
                }
                Recorder.poolCreated(pool, poolKind, core, max);
            }
            case Events.PROCESS -> {
                String[] copy = ((String[]) payload).clone();
                if (test != null) {
                    test.processStarting(copy);
                }
                Recorder.processStarting(copy);
            }
            case Events.EXIT -> {
                Object[] event = (Object[]) payload;
                Recorder.exitRequested((String) event[0], (Integer) event[1]);
            }
            case Events.WAIT -> {
                if (test != null) {
                    test.threadWaiting((String) payload);
                }
                Recorder.threadWaiting((String) payload);
            }
            case Events.KERNEL_ENTER -> Recorder.kernelEnter((String) payload);
            case Events.KERNEL_EXIT -> Recorder.kernelExit((String) payload);
            case Events.LOCK_ACQUIRED -> Recorder.lockAcquired(payload);
            case Events.LOCK_RELEASING -> Recorder.lockReleasing(payload);
            case Events.MAP_UPDATE -> Recorder.mapUpdate(payload);
            case Events.MAP_UPDATED -> Recorder.mapUpdated(payload);
            case Events.REFUSED -> Recorder.limitReached((String) payload);
            default -> throw new IllegalArgumentException("no such event kind: " + kind);
        }
    }
}
