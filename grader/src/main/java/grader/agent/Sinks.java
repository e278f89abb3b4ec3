package grader.agent;

import grader.agent.boot.ProbeHub;
import grader.probes.Recorder;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * The agent's side of {@link ProbeHub}: each sink turns the raw event into a {@link Recorder} call on the thread
 * that caused it, after showing it to the {@link SelfTest} while one runs.
 */
final class Sinks {
    private Sinks() {}

    /** Non-null while premain's self-test runs. */
    static volatile SelfTest selfTest;

    /** Names {@link ProbeHub} for the first time: call only after {@link BootstrapInjection#appendProbeHub}. */
    static void install() {
        ProbeHub.threadSink = new ThreadSink();
        ProbeHub.poolSink = new PoolSink();
        ProbeHub.processSink = new ProcessSink();
        ProbeHub.exitSink = new ExitSink();
        ProbeHub.kernelEnterSink = new KernelEnterSink();
        ProbeHub.kernelExitSink = new KernelExitSink();
        ProbeHub.limitSink = new LimitSink();
        ProbeHub.lookupSink = new LookupSink();
        ProbeHub.lockAcquiredSink = new LockAcquiredSink();
        ProbeHub.lockReleasingSink = new LockReleasingSink();
        ProbeHub.mapUpdateSink = new MapUpdateSink();
        ProbeHub.mapUpdatedSink = new MapUpdatedSink();
        ProbeHub.waitSink = new WaitSink();
    }

    /** Turns on ProbeHub's caps (negative: none); call after {@link #install}. */
    static void limit(int threads, int processes) {
        ProbeHub.limit(threads, processes);
    }

    /** {@return the class loader that defined ProbeHub: null (the bootstrap loader) when the injection worked} */
    static ClassLoader probeHubLoader() {
        return ProbeHub.class.getClassLoader();
    }

    static final class ThreadSink implements Consumer<Thread> {
        @Override
        public void accept(Thread thread) {
            SelfTest test = selfTest;
            if (test != null) {
                test.threadStarted(thread);
            }
            Recorder.threadStarted(thread);
        }
    }

    static final class PoolSink implements Consumer<Object[]> {
        @Override
        public void accept(Object[] event) {
            Object pool = event[0];
            String kind = (String) event[1];
            int core = (Integer) event[2];
            int max = (Integer) event[3];
            SelfTest test = selfTest;
            if (test != null) {
                test.poolCreated(pool, kind, core, max);
            }
            Recorder.poolCreated(pool, kind, core, max);
        }
    }

    static final class ProcessSink implements Consumer<String[]> {
        @Override
        public void accept(String[] command) {
            String[] copy = command.clone();
            SelfTest test = selfTest;
            if (test != null) {
                test.processStarting(copy);
            }
            Recorder.processStarting(copy);
        }
    }

    static final class ExitSink implements ObjIntConsumer<String> {
        @Override
        public void accept(String how, int status) {
            Recorder.exitRequested(how, status);
        }
    }

    static final class KernelEnterSink implements Consumer<String> {
        @Override
        public void accept(String kernel) {
            Recorder.kernelEnter(kernel);
        }
    }

    static final class LimitSink implements Consumer<String> {
        @Override
        public void accept(String message) {
            Recorder.limitReached(message);
        }
    }

    static final class LookupSink implements java.util.function.Function<String, String> {
        @Override
        public String apply(String name) {
            return Recorder.lookupRefusal(name);
        }
    }

    static final class KernelExitSink implements Consumer<String> {
        @Override
        public void accept(String kernel) {
            Recorder.kernelExit(kernel);
        }
    }

    static final class LockAcquiredSink implements Consumer<Object> {
        @Override
        public void accept(Object lock) {
            Recorder.lockAcquired(lock);
        }
    }

    static final class LockReleasingSink implements Consumer<Object> {
        @Override
        public void accept(Object lock) {
            Recorder.lockReleasing(lock);
        }
    }

    static final class MapUpdateSink implements Consumer<Object> {
        @Override
        public void accept(Object map) {
            Recorder.mapUpdate(map);
        }
    }

    static final class MapUpdatedSink implements Consumer<Object> {
        @Override
        public void accept(Object map) {
            Recorder.mapUpdated(map);
        }
    }

    static final class WaitSink implements Consumer<String> {
        @Override
        public void accept(String how) {
            SelfTest test = selfTest;
            if (test != null) {
                test.threadWaiting(how);
            }
            Recorder.threadWaiting(how);
        }
    }
}
