package grader.agent.boot;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * The one grader class on the bootstrap class path. Advice inlined into {@code java.lang.Thread},
 * {@code ThreadPoolExecutor}, {@code ProcessImpl} and friends can only see the bootstrap class
 * loader, so it calls the static methods here, and they hand the event to a sink the agent set.
 *
 * <p>This class MUST NOT be loaded by any class loader other than the bootstrap one: the agent
 * copies its bytes into a jar it appends to the bootstrap search path before anything names it.
 * It may use {@code java.base} types only. Events cross to the agent as JDK types (raw
 * {@code Object[]} for pools), as in BlockHound's {@code BlockHoundRuntime}.
 *
 * <p>Every method returns normally whatever a sink does, and ignores events raised while the
 * same thread is already inside a sink (a sink that starts a thread or builds a pool would
 * otherwise recurse). A sink that is {@code null} drops its events. The one exception is the
 * caps: {@link #admitThread} and {@link #admitProcess} refuse a start beyond its cap by throwing
 * what the JDK throws when it can't start one, from advice that does not suppress it.
 */
public final class ProbeHub {
    private ProbeHub() {}

    /** Receives each platform or virtual thread about to start, once per thread. */
    public static volatile Consumer<Thread> threadSink;

    /** Receives {@code {pool, kind, core, max}} ({@code String kind}, {@code Integer} sizes) after a pool's
     *  terminal constructor returned. */
    public static volatile Consumer<Object[]> poolSink;

    /** Receives the command (the JDK's own copy) when {@code ProcessImpl.start} is entered. */
    public static volatile Consumer<String[]> processSink;

    /** Receives ("exit" or "halt", status) on entry of {@code Runtime.exit} or {@code Runtime.halt}. */
    public static volatile ObjIntConsumer<String> exitSink;

    /** Receives the kernel id ({@code Class#method}) when a watched learner method is entered. */
    public static volatile Consumer<String> kernelEnterSink;

    /** Receives the kernel id when a watched learner method returns or throws. */
    public static volatile Consumer<String> kernelExitSink;

    /** Receives the refusal's message when a thread or process start is refused at its cap. */
    public static volatile Consumer<String> limitSink;

    /** Receives "sleep" or "join" on entry of the public {@code Thread.sleep} and {@code Thread.join} methods. */
    public static volatile Consumer<String> waitSink;

    /** At most this many thread starts once the caps are on; negative: no cap. */
    private static volatile int threadCap = -1;

    /** At most this many process starts once the caps are on; negative: no cap. */
    private static volatile int processCap = -1;

    /** The refusals' messages, built by {@link #limit} so that refusing loads nothing (no string concatenation). */
    private static volatile String threadRefusal;
    private static volatile String processRefusal;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicInteger PROCESSES = new AtomicInteger();

    /** The thread this thread admitted last ({@code VirtualThread.start()} calls {@code start(ThreadContainer)}). */
    private static final ThreadLocal<WeakReference<Thread>> LAST_ADMITTED = new ThreadLocal<>();

    /** Set while this thread runs a sink. */
    private static final ThreadLocal<Boolean> IN_SINK = new ThreadLocal<>();

    /** The thread this thread reported last: {@code VirtualThread.start()} calls {@code start(ThreadContainer)},
     *  and both are advised, so the inner call must not report the same thread again. */
    private static final ThreadLocal<WeakReference<Thread>> LAST_STARTED = new ThreadLocal<>();

    /** Called on entry of {@code Thread.start()}, {@code Thread.start(ThreadContainer)} and the
     *  {@code VirtualThread} overrides, on the starting thread. */
    public static void threadStarted(Thread thread) {
        try {
            Consumer<Thread> sink = threadSink;
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            WeakReference<Thread> last = LAST_STARTED.get();
            if (last != null && last.get() == thread) {
                return;
            }
            LAST_STARTED.set(new WeakReference<>(thread));
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(thread);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // never into the learner's Thread.start
        }
    }

    /**
     * Turns the caps on, counting from zero: at most {@code threads} thread starts and {@code processes} process
     * starts from now on, in the whole JVM. Called by the agent after its self-test; a negative cap is no cap.
     */
    public static void limit(int threads, int processes) {
        threadRefusal = "unable to create native thread: the grader's limit of " + threads
                + " threads in the test JVM is reached";
        processRefusal = "the grader's limit of " + processes + " child processes in the test JVM is reached";
        THREADS.set(0);
        PROCESSES.set(0);
        threadCap = threads;
        processCap = processes;
    }

    /**
     * Called on entry of the same methods as {@link #threadStarted}, before it, by advice that does not suppress
     * exceptions: counts the start, once per thread, and refuses it beyond the cap as the JDK does when the OS
     * won't create a thread.
     *
     * @throws OutOfMemoryError "unable to create native thread: ..." when the cap is reached
     */
    public static void admitThread(Thread thread) {
        int cap = threadCap;
        if (cap < 0 || IN_SINK.get() != null) {
            return;
        }
        WeakReference<Thread> last = LAST_ADMITTED.get();
        if (last != null && last.get() == thread) {
            return;
        }
        if (!take(THREADS, cap)) {
            String message = threadRefusal;
            refused(message);
            throw new OutOfMemoryError(message);
        }
        LAST_ADMITTED.set(new WeakReference<>(thread));
    }

    /**
     * Called on entry of {@code ProcessImpl.start}, before {@link #processStarting}, by advice that does not
     * suppress exceptions: counts the start and refuses it beyond the cap.
     *
     * @throws IOException when the cap is reached ({@code ProcessImpl.start} declares it)
     */
    public static void admitProcess() throws IOException {
        int cap = processCap;
        if (cap < 0 || IN_SINK.get() != null) {
            return;
        }
        if (!take(PROCESSES, cap)) {
            String message = processRefusal;
            refused(message);
            throw new IOException(message);
        }
    }

    /** Counts one start unless {@code cap} starts were counted already; never counts past the cap. */
    private static boolean take(AtomicInteger count, int cap) {
        while (true) {
            int n = count.get();
            if (n >= cap) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private static void refused(String message) {
        try {
            Consumer<String> sink = limitSink;
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(message);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // the refusal is thrown whatever the sink does
        }
    }

    /** Called on exit of the terminal {@code ThreadPoolExecutor} ("tpe") or {@code ForkJoinPool} ("fjp") constructor. */
    public static void poolCreated(Object pool, String kind, int core, int max) {
        try {
            Consumer<Object[]> sink = poolSink;
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(new Object[] {pool, kind, core, max});
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // never into the learner's constructor
        }
    }

    /** Called on entry of the static {@code java.lang.ProcessImpl.start(String[], ...)}. */
    public static void processStarting(String[] command) {
        try {
            Consumer<String[]> sink = processSink;
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(command);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // never into the learner's ProcessBuilder.start
        }
    }

    /** Called on entry of {@code Runtime.exit(int)} ("exit") and {@code Runtime.halt(int)} ("halt"). */
    public static void exitRequested(String how, int status) {
        try {
            ObjIntConsumer<String> sink = exitSink;
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(how, status);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // the JVM goes on exiting
        }
    }

    /** Called on entry of a watched learner method. The sink may wait (a rendezvous). */
    public static void kernelEnter(String kernel) {
        kernel(kernelEnterSink, kernel);
    }

    /** Called when a watched learner method returns or throws. */
    public static void kernelExit(String kernel) {
        kernel(kernelExitSink, kernel);
    }

    /** Called on entry of the public {@code Thread.sleep} ("sleep") and {@code Thread.join} ("join") methods. */
    public static void threadWaiting(String how) {
        kernel(waitSink, how);
    }

    private static void kernel(Consumer<String> sink, String kernel) {
        try {
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(kernel);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // never into the learner's kernel
        }
    }
}
