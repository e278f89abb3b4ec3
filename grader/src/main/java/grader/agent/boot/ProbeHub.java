package grader.agent.boot;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** Receives the refusal's message when a thread or process start is refused at its cap, or a network access. */
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

    /** Set by {@link #seal()}: the caps and the network switch no longer change. */
    private static volatile boolean sealed;

    /**
     * Freezes the caps ({@link #limit}) and the network switch ({@link #loopbackOnly}) as the agent set them, so that
     * learner code that reached this class at run time cannot lift them. Called once by the agent after setting them.
     */
    public static void seal() {
        sealed = true;
    }
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
        if (sealed) {
            return;
        }
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

    /** Whether sockets and name lookups are limited to this machine's loopback; off until the agent turns it on. */
    private static volatile boolean loopbackOnly;

    /** Limits the network of this JVM to loopback addresses from now on (see {@link #admitConnect}). */
    public static void loopbackOnly(boolean on) {
        if (!sealed) {
            loopbackOnly = on;
        }
    }

    /**
     * Called on entry of {@code Class.forName(Module, String)}, which answers null for a class it can't find:
     * {@return whether to answer null for {@code name}, a protected class the learner's code looked up}
     */
    public static boolean refuseModuleLookup(String name) {
        if (name == null || !startsWithAny(name, PROTECTED)) {
            return false;
        }
        String message = lookupRefusal(name);
        if (message == null) {
            return false;
        }
        refused(message);
        return true;
    }

    /**
     * Called on entry of {@code sun.nio.ch.Net.connect} and of an unconnected datagram send, by advice that does not
     * suppress exceptions: lets a loopback or wildcard destination through, refuses any other before the native call.
     *
     * @throws java.net.ConnectException "network access refused by the grader: ..." for a destination off this machine
     */
    public static void admitConnect(java.net.InetAddress remote, int port) throws IOException {
        if (!loopbackOnly || remote == null || remote.isLoopbackAddress() || remote.isAnyLocalAddress()) {
            return;
        }
        String message = new StringBuilder(NETWORK_REFUSED).append(remote.getHostAddress()).append(':').append(port)
                .append(" (only the loopback test server may be reached)").toString();
        refused(message);
        throw new java.net.ConnectException(message);
    }

    /**
     * Called on entry of {@code InetAddress.getAllByName0(String, boolean)}, for every name looked up: a name other than {@code localhost} would
     * be sent to a name server, so it is refused.
     *
     * @throws java.net.UnknownHostException "network access refused by the grader: ..."
     */
    public static void admitLookup(String host) throws java.net.UnknownHostException {
        if (!loopbackOnly || host == null || host.equalsIgnoreCase("localhost")
                || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            return;
        }
        String message = new StringBuilder(NETWORK_REFUSED).append("looking up ").append(host)
                .append(" (only localhost is resolved in the test JVM)").toString();
        refused(message);
        throw new java.net.UnknownHostException(message);
    }

    /** Called on entry of {@code InetAddress.getHostFromNameService}: only a loopback address is looked up. */
    public static void admitReverseLookup(java.net.InetAddress address) throws java.net.UnknownHostException {
        if (!loopbackOnly || address == null || address.isLoopbackAddress()) {
            return;
        }
        String message = new StringBuilder(NETWORK_REFUSED).append("looking up the name of ")
                .append(address.getHostAddress()).toString();
        refused(message);
        throw new java.net.UnknownHostException(message);
    }

    private static final String NETWORK_REFUSED = "network access refused by the grader: ";

    /**
     * Receives a protected class or resource name being looked up, and answers the refusal's message when the
     * learner's code made the call, or null. Called only for names under {@link #PROTECTED}.
     */
    public static volatile java.util.function.Function<String, String> lookupSink;

    /** The packages whose classes and class files the learner's code may not look up by name. */
    private static final String[] PROTECTED = {"grader.", "org.junit.", "org.opentest4j.", "org.apiguardian.",
        "com.fasterxml.jackson.", "net.bytebuddy.", "com.tngtech.archunit.", "picocli."};
    private static final String[] PROTECTED_PATHS = {"grader/", "org/junit/", "org/opentest4j/", "org/apiguardian/",
        "com/fasterxml/jackson/", "net/bytebuddy/", "com/tngtech/archunit/", "picocli/", "META-INF/maven/"};

    /**
     * Called on entry of {@code Class.forName} and {@code ClassLoader.loadClass(String)}, by advice that does not
     * suppress exceptions.
     *
     * @throws ClassNotFoundException "reflection refused by the grader: ..." when the learner's code looks up a class
     *                                of the grader, JUnit or their tooling
     */
    public static void admitClassLookup(String name) throws ClassNotFoundException {
        if (name == null || !startsWithAny(name, PROTECTED)) {
            return;
        }
        checkLookup(name);
    }

    /**
     * Called on entry of {@code ClassLoader.loadClass(String)}: as {@link #admitClassLookup}, except for this class,
     * which learner classes the agent rewrote (the {@code lock} exercise's) name in their own bytecode: the JVM
     * resolves it through their class loader. {@code Class.forName} of it stays refused.
     */
    public static void admitLoadClass(String name) throws ClassNotFoundException {
        if (name == null || !startsWithAny(name, PROTECTED) || name.equals("grader.agent.boot.ProbeHub")) {
            return;
        }
        checkLookup(name);
    }

    private static void checkLookup(String name) throws ClassNotFoundException {
        String message = lookupRefusal(name);
        if (message != null) {
            refused(message);
            throw new ClassNotFoundException(message);
        }
    }

    /**
     * Called on entry of {@code ClassLoader.getResource(String)} and {@code getResources(String)}: {@return the name
     * to look up: {@code name}, or for a protected one looked up by the learner's code, a name that finds nothing}
     */
    public static String admitResource(String name) {
        if (name == null) {
            return null;
        }
        String path = name.startsWith("/") ? name.substring(1) : name;
        if (!startsWithAny(path, PROTECTED_PATHS)) {
            return name;
        }
        String message = lookupRefusal(path);
        if (message == null) {
            return name;
        }
        refused(message);
        return "grader-refused/" + path;
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String lookupRefusal(String name) {
        try {
            java.util.function.Function<String, String> sink = lookupSink;
            if (sink == null || IN_SINK.get() != null) {
                return null;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                return sink.apply(name);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            return null;
        }
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

    /**
     * Called on entry of {@code ProcessHandleImpl.destroyProcess}, by advice that does not suppress exceptions: a
     * process may be stopped only if it has ended already or descends from this JVM. Its parent (the grader, or the
     * sandbox's first process) and anything else on the machine are refused, and the refusal is recorded as the
     * network's and the caps' are.
     *
     * @throws IllegalStateException when refused
     */
    public static void admitDestroy(long pid) {
        String message = destroyRefusal(pid);
        if (message != null) {
            refused(message);
            throw new IllegalStateException(message);
        }
    }

    private static String destroyRefusal(long pid) {
        try {
            long self = ProcessHandle.current().pid();
            java.util.Optional<ProcessHandle> target = ProcessHandle.of(pid);
            if (target.isEmpty() || !target.get().isAlive()) {
                return null;
            }
            java.util.Optional<ProcessHandle> up = target.get().parent();
            for (int depth = 0; depth < 256 && up.isPresent(); depth++) {
                if (up.get().pid() == self) {
                    return null;
                }
                up = up.get().parent();
            }
        } catch (Throwable e) {
            // refused: what can't be checked is not stopped
        }
        return "stopping process " + pid + " refused by the grader: the learner's code may stop only the processes it"
                + " started";
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

    // ---- shared state in learner code (exercises whose spec asks for it: see SharedStateTransformer) ----

    /** Receives a lock (a monitor's object, or a {@code java.util.concurrent.locks.Lock}) right after learner code
     *  acquired it. The sink may wait (a rendezvous) while the lock is held. */
    public static volatile Consumer<Object> lockAcquiredSink;

    /** Receives a lock right before learner code releases it. */
    public static volatile Consumer<Object> lockReleasingSink;

    /** Receives the map a learner call is about to update ({@code put}, {@code merge}, {@code compute}...). The sink
     *  may wait (a rendezvous). */
    public static volatile Consumer<Object> mapUpdateSink;

    /** Receives the map once that learner update returned or threw. */
    public static volatile Consumer<Object> mapUpdatedSink;

    /** Called after {@code MONITORENTER} in learner code, on entry of its synchronized methods, and after its
     *  {@code Lock.lock()}. */
    public static void lockAcquired(Object lock) {
        object(lockAcquiredSink, lock);
    }

    /** Called before {@code MONITOREXIT} in learner code, on exit of its synchronized methods, and before its
     *  {@code Lock.unlock()}. */
    public static void lockReleasing(Object lock) {
        object(lockReleasingSink, lock);
    }

    private static void object(Consumer<Object> sink, Object value) {
        try {
            if (sink == null || IN_SINK.get() != null) {
                return;
            }
            IN_SINK.set(Boolean.TRUE);
            try {
                sink.accept(value);
            } finally {
                IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            // never into the learner's code
        }
    }

    // Learner call sites of these methods are rewritten to the static forwarders below: same stack, the receiver
    // first. The forwarders call the learner's method as it was; what it throws is the learner's.

    /** Stands in for {@code lock.lock()} in learner code. */
    public static void lock(Lock lock) {
        lock.lock();
        lockAcquired(lock);
    }

    /** Stands in for {@code lock.lockInterruptibly()} in learner code. */
    public static void lockInterruptibly(Lock lock) throws InterruptedException {
        lock.lockInterruptibly();
        lockAcquired(lock);
    }

    /** Stands in for {@code lock.tryLock()} in learner code. */
    public static boolean tryLock(Lock lock) {
        boolean acquired = lock.tryLock();
        if (acquired) {
            lockAcquired(lock);
        }
        return acquired;
    }

    /** Stands in for {@code lock.unlock()} in learner code. */
    public static void unlock(Lock lock) {
        lockReleasing(lock);
        lock.unlock();
    }

    /** Stands in for {@code map.put(key, value)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapPut(Map map, Object key, Object value) {
        object(mapUpdateSink, map);
        try {
            return map.put(key, value);
        } finally {
            object(mapUpdatedSink, map);
        }
    }

    /** Stands in for {@code map.putIfAbsent(key, value)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapPutIfAbsent(Map map, Object key, Object value) {
        object(mapUpdateSink, map);
        try {
            return map.putIfAbsent(key, value);
        } finally {
            object(mapUpdatedSink, map);
        }
    }

    /** Stands in for {@code map.merge(key, value, f)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapMerge(Map map, Object key, Object value, BiFunction f) {
        object(mapUpdateSink, map);
        try {
            return map.merge(key, value, f);
        } finally {
            object(mapUpdatedSink, map);
        }
    }

    /** Stands in for {@code map.compute(key, f)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapCompute(Map map, Object key, BiFunction f) {
        object(mapUpdateSink, map);
        try {
            return map.compute(key, f);
        } finally {
            object(mapUpdatedSink, map);
        }
    }

    /** Stands in for {@code map.computeIfPresent(key, f)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapComputeIfPresent(Map map, Object key, BiFunction f) {
        object(mapUpdateSink, map);
        try {
            return map.computeIfPresent(key, f);
        } finally {
            object(mapUpdatedSink, map);
        }
    }

    /** Stands in for {@code map.computeIfAbsent(key, f)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object mapComputeIfAbsent(Map map, Object key, Function f) {
        object(mapUpdateSink, map);
        try {
            return map.computeIfAbsent(key, f);
        } finally {
            object(mapUpdatedSink, map);
        }
    }

    /** Stands in for {@code map.putAll(other)} in learner code. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void mapPutAll(Map map, Map other) {
        object(mapUpdateSink, map);
        try {
            map.putAll(other);
        } finally {
            object(mapUpdatedSink, map);
        }
    }
}
