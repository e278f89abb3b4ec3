package grader.agent.boot;

import java.lang.ref.WeakReference;
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
 * otherwise recurse). A sink that is {@code null} drops its events.
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
