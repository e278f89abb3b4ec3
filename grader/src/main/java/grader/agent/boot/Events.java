package grader.agent.boot;

import java.lang.ref.WeakReference;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The agent's events: advice woven into JDK classes ({@code Thread.start}, pool constructors, {@code ProcessImpl.start},
 * {@code Runtime.exit}, {@code Thread.join}) and into learner classes (kernels, locks) calls the static methods here,
 * and each hands its event to the one sink the agent installed.
 *
 * <p>This class MUST NOT be loaded by any class loader other than the bootstrap one: the agent appends it to the
 * bootstrap search path before anything names it. It uses {@code java.base} types only; events cross to the agent as
 * a kind ({@link #THREAD}...) and a JDK-typed payload, as in BlockHound's {@code BlockHoundRuntime}.
 *
 * <p><b>Only the agent's call sites record.</b> The entry points are public because JDK classes must reach them, so
 * learner code that reaches this class could call them too. Two checks keep such a call from recording evidence of
 * something that never happened:
 * <ul>
 *   <li>an event from JDK advice records only when its direct caller is a JDK class the agent wove (the agent's
 *       predicate, given once at {@link #install}); {@code StackWalker.getCallerClass} skips reflection and method
 *       handle frames, so a learner's call through them is seen as the learner's;
 *   <li>an event from advice woven into learner classes (the caller is then the learner's class itself) records only
 *       with the token the agent drew at start and wrote into the woven code as a constant: no field holds it that
 *       learner code can read through public access, and the learner's class files on disk are the unwoven ones.
 * </ul>
 * The sink is installed once, by the agent's premain, before any learner code runs; a second {@link #install} changes
 * nothing, and no method hands the sink out.
 *
 * <p>Every method returns normally whatever the sink does, and ignores events raised while the same thread is already
 * inside the sink (a sink that starts a thread or builds a pool would otherwise recurse). Before {@link #install},
 * events are dropped.
 */
public final class Events {
    private Events() {}

    /** Payload: the {@code Thread} about to start; once per thread. */
    public static final String THREAD = "thread";
    /** Payload: {@code Object[] {pool, kind ("tpe" or "fjp"), core, max}}, after a terminal constructor returned. */
    public static final String POOL = "pool";
    /** Payload: the command ({@code String[]}, the JDK's own copy) on entry of {@code ProcessImpl.start}. */
    public static final String PROCESS = "process";
    /** Payload: {@code Object[] {"exit" or "halt", status}} on entry of {@code Runtime.exit} or {@code halt}. */
    public static final String EXIT = "exit";
    /** Payload: "sleep" or "join", on entry of the public {@code Thread.sleep} and {@code Thread.join}. */
    public static final String WAIT = "wait";
    /** Payload: the kernel id ({@code Class#method}) when a watched learner method is entered; the sink may wait. */
    public static final String KERNEL_ENTER = "kernel-enter";
    /** Payload: the kernel id when the watched learner method returns or throws. */
    public static final String KERNEL_EXIT = "kernel-exit";
    /** Payload: a lock (a monitor's object or a {@code Lock}) right after learner code acquired it; the sink may wait. */
    public static final String LOCK_ACQUIRED = "lock-acquired";
    /** Payload: a lock right before learner code releases it. */
    public static final String LOCK_RELEASING = "lock-releasing";
    /** Payload: the map a learner call is about to update; the sink may wait. */
    public static final String MAP_UPDATE = "map-update";
    /** Payload: the map once that learner update returned or threw. */
    public static final String MAP_UPDATED = "map-updated";
    /** Payload: the message of a start refused at its cap, or of a refused network access or lookup. */
    public static final String REFUSED = "refused";

    private static volatile BiConsumer<String, Object> sink;
    private static volatile Predicate<Class<?>> jdkCallers;
    /** Written before {@link #sink}, whose volatile write publishes it. Never handed out. */
    private static long token;

    /** Set while this thread runs the sink ({@link Guards} shares it). */
    static final ThreadLocal<Boolean> IN_SINK = new ThreadLocal<>();

    /** The thread this thread reported last: {@code VirtualThread.start()} calls {@code start(ThreadContainer)},
     *  and both are advised, so the inner call must not report the same thread again. */
    private static final ThreadLocal<WeakReference<Thread>> LAST_STARTED = new ThreadLocal<>();

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * Installs the agent's sink, once: {@return whether this call installed it} (false once one is installed).
     *
     * @param token      the constant the agent writes into the advice it weaves into learner classes
     * @param jdkCallers whether a class is one the agent wove JDK advice into (called on the event's thread)
     * @param sink       receives every recorded event as (kind, payload)
     */
    public static boolean install(long token, Predicate<Class<?>> jdkCallers, BiConsumer<String, Object> sink) {
        synchronized (Events.class) {
            if (Events.sink != null || sink == null || jdkCallers == null) {
                return false;
            }
            WALKER.getCallerClass(); // loads the stack walker's classes now, not inside a Thread.start
            Events.token = token;
            Events.jdkCallers = jdkCallers;
            Events.sink = sink;
            return true;
        }
    }

    /** Called on entry of {@code Thread.start()}, {@code Thread.start(ThreadContainer)} and the
     *  {@code VirtualThread} overrides, on the starting thread. */
    public static void threadStarted(Thread thread) {
        try {
            if (!ready() || !fromJdk(WALKER.getCallerClass())) {
                return;
            }
            WeakReference<Thread> last = LAST_STARTED.get();
            if (last != null && last.get() == thread) {
                return;
            }
            LAST_STARTED.set(new WeakReference<>(thread));
            emit(THREAD, thread);
        } catch (Throwable ignored) {
            // never into the learner's Thread.start
        }
    }

    /** Called on exit of the terminal {@code ThreadPoolExecutor} ("tpe") or {@code ForkJoinPool} ("fjp") constructor. */
    public static void poolCreated(Object pool, String kind, int core, int max) {
        try {
            if (ready() && fromJdk(WALKER.getCallerClass())) {
                emit(POOL, new Object[] {pool, kind, core, max});
            }
        } catch (Throwable ignored) {
            // never into the learner's constructor
        }
    }

    /** Called on entry of the static {@code java.lang.ProcessImpl.start(String[], ...)}. */
    public static void processStarting(String[] command) {
        try {
            if (ready() && fromJdk(WALKER.getCallerClass())) {
                emit(PROCESS, command);
            }
        } catch (Throwable ignored) {
            // never into the learner's ProcessBuilder.start
        }
    }

    /** Called on entry of {@code Runtime.exit(int)} ("exit") and {@code Runtime.halt(int)} ("halt"). */
    public static void exitRequested(String how, int status) {
        try {
            if (ready() && fromJdk(WALKER.getCallerClass())) {
                emit(EXIT, new Object[] {how, status});
            }
        } catch (Throwable ignored) {
            // the JVM goes on exiting
        }
    }

    /** Called on entry of the public {@code Thread.sleep} ("sleep") and {@code Thread.join} ("join") methods. */
    public static void threadWaiting(String how) {
        try {
            if (ready() && fromJdk(WALKER.getCallerClass())) {
                emit(WAIT, how);
            }
        } catch (Throwable ignored) {
            // never into the learner's sleep or join
        }
    }

    /** Called on entry of a watched learner method, with the agent's token. The sink may wait (a rendezvous). */
    public static void kernelEnter(String kernel, long token) {
        if (token == Events.token) {
            emit(KERNEL_ENTER, kernel);
        }
    }

    /** Called when a watched learner method returns or throws, with the agent's token. */
    public static void kernelExit(String kernel, long token) {
        if (token == Events.token) {
            emit(KERNEL_EXIT, kernel);
        }
    }

    /** Called, with the agent's token, after {@code MONITORENTER} in learner code and on entry of its synchronized
     *  methods. The sink may wait (a rendezvous) while the lock is held. */
    public static void lockAcquired(Object lock, long token) {
        if (token == Events.token) {
            emit(LOCK_ACQUIRED, lock);
        }
    }

    /** Called, with the agent's token, before {@code MONITOREXIT} in learner code and on exit of its synchronized
     *  methods. */
    public static void lockReleasing(Object lock, long token) {
        if (token == Events.token) {
            emit(LOCK_RELEASING, lock);
        }
    }

    private static boolean ready() {
        return sink != null && IN_SINK.get() == null;
    }

    private static boolean fromJdk(Class<?> caller) {
        Predicate<Class<?>> callers = jdkCallers;
        return callers != null && caller != null && callers.test(caller);
    }

    /**
     * The one sink frame: hands {@code payload} to the sink unless none is installed or this thread is already inside
     * it; swallows whatever the sink throws. Package-private: {@link StandIns} and {@link Guards} report through it
     * what they did themselves.
     */
    static void emit(String kind, Object payload) {
        try {
            BiConsumer<String, Object> s = sink;
            if (s == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                s.accept(kind, payload);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // never into the learner's code
        }
    }
}
