package grader.agent.boot;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The agent's refusals, checked inside JDK methods by advice that does not suppress what they throw: the caps on thread
 * and process starts, the loopback-only network, looking up the grader's or the test tools' classes and class files
 * by name, and files outside the learner's temporary folder (a {@code SecurityException}, as the JDK's security
 * manager threw from the same methods). Each refusal throws what the JDK method throws when it can't do the thing (and is reported through
 * {@link Events#REFUSED}); everything else returns at once.
 *
 * <p>Bootstrap class path only, {@code java.base} types only (see {@link Events}). The settings are made by the agent's
 * premain and then {@link #seal sealed}: learner code that reaches this class can only be refused by it.
 */
public final class Guards {
    private Guards() {}

    /** At most this many thread starts once the caps are on; negative: no cap. */
    private static volatile int threadCap = -1;
    /** At most this many process starts once the caps are on; negative: no cap. */
    private static volatile int processCap = -1;
    /** The refusals' messages, built by {@link #limit} so that refusing loads nothing (no string concatenation). */
    private static volatile String threadRefusal;
    private static volatile String processRefusal;
    /** Whether sockets and name lookups are limited to this machine's loopback; off until the agent turns it on. */
    private static volatile boolean loopbackOnly;
    /** Answers a protected name's refusal message when the learner's code looked it up, else null. */
    private static volatile Function<String, String> lookups;
    /** Answers the refusal message for a path the learner's code asked to {@link #READ}, {@link #WRITE} or
     *  {@link #LINK}, else null. */
    private static volatile BiFunction<String, String, String> files;

    /** Kinds of file access, for the file policy: reading a file's content, its attributes or a folder's list. */
    public static final String READ = "read";
    /** Writing, creating, renaming, deleting, changing attributes. */
    public static final String WRITE = "write";
    /** Creating a symbolic link (the path is the link's): its target is not checked when it is followed later. */
    public static final String LINK = "link";
    /** Set by {@link #seal()}: nothing here changes any more. */
    private static volatile boolean sealed;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicInteger PROCESSES = new AtomicInteger();

    /** The thread this thread admitted last ({@code VirtualThread.start()} calls {@code start(ThreadContainer)}). */
    private static final ThreadLocal<WeakReference<Thread>> LAST_ADMITTED = new ThreadLocal<>();

    /** The packages whose classes and class files the learner's code may not look up by name. */
    private static final String[] PROTECTED = {"grader.", "org.junit.", "org.opentest4j.", "org.apiguardian.",
        "com.fasterxml.jackson.", "net.bytebuddy.", "com.tngtech.archunit.", "picocli."};
    private static final String[] PROTECTED_PATHS = {"grader/", "org/junit/", "org/opentest4j/", "org/apiguardian/",
        "com/fasterxml/jackson/", "net/bytebuddy/", "com/tngtech/archunit/", "picocli/", "META-INF/maven/"};
    /** Learner classes the agent rewrote name these in their own bytecode: the JVM resolves them through the learner's
     *  class loader ({@link #admitLoadClass}). */
    private static final String BOOT_PACKAGE = "grader.agent.boot.";

    private static final String NETWORK_REFUSED = "network access refused by the grader: ";

    /**
     * Sets the agent's settings, until {@link #seal()}: caps counting from zero (at most {@code threads} thread starts
     * and {@code processes} process starts from now on, in the whole JVM; negative: no cap), the loopback-only network,
     * and the lookup policy (null: no lookup refused).
     */
    public static void configure(int threads, int processes, boolean loopback, Function<String, String> lookupPolicy) {
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
        loopbackOnly = loopback;
        lookups = lookupPolicy;
    }

    /**
     * Sets the file policy, until {@link #seal()}: given a path as the JDK method got it (relative or absolute) and
     * the kind of access ({@link #READ}, {@link #WRITE}, {@link #LINK}), it answers the refusal's message, or null to
     * let the call through. Null: no file refused.
     */
    public static void configureFiles(BiFunction<String, String, String> filePolicy) {
        if (!sealed) {
            files = filePolicy;
        }
    }

    /** Freezes what {@link #configure} set, so that learner code that reached this class cannot change it. */
    public static void seal() {
        sealed = true;
    }

    /**
     * Called on entry of the thread start methods, before {@link Events#threadStarted}: counts the start, once per
     * thread, and refuses it beyond the cap as the JDK does when the OS won't create a thread.
     *
     * @throws OutOfMemoryError "unable to create native thread: ..." when the cap is reached
     */
    public static void admitThread(Thread thread) {
        int cap = threadCap;
        if (cap < 0 || Events.IN_SINK.get() != null) {
            return;
        }
        WeakReference<Thread> last = LAST_ADMITTED.get();
        if (last != null && last.get() == thread) {
            return;
        }
        if (!take(THREADS, cap)) {
            String message = threadRefusal;
            Events.emit(Events.REFUSED, message);
            throw new OutOfMemoryError(message);
        }
        LAST_ADMITTED.set(new WeakReference<>(thread));
    }

    /**
     * Called on entry of {@code ProcessImpl.start}, before {@link Events#processStarting}: counts the start and refuses
     * it beyond the cap.
     *
     * @throws IOException when the cap is reached ({@code ProcessImpl.start} declares it)
     */
    public static void admitProcess() throws IOException {
        int cap = processCap;
        if (cap < 0 || Events.IN_SINK.get() != null) {
            return;
        }
        if (!take(PROCESSES, cap)) {
            String message = processRefusal;
            Events.emit(Events.REFUSED, message);
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
            Events.emit(Events.REFUSED, message);
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

    /**
     * Called on entry of {@code sun.nio.ch.Net.connect} and of an unconnected datagram send: lets a loopback or wildcard
     * destination through, refuses any other before the native call.
     *
     * @throws java.net.ConnectException "network access refused by the grader: ..." for a destination off this machine
     */
    public static void admitConnect(java.net.InetAddress remote, int port) throws IOException {
        if (!loopbackOnly || remote == null || remote.isLoopbackAddress() || remote.isAnyLocalAddress()) {
            return;
        }
        String message = new StringBuilder(NETWORK_REFUSED).append(remote.getHostAddress()).append(':').append(port)
                .append(" (only the loopback test server may be reached)").toString();
        Events.emit(Events.REFUSED, message);
        throw new java.net.ConnectException(message);
    }

    /**
     * Called on entry of {@code InetAddress.getAllByName0(String, boolean)}, for every name looked up: a name other
     * than {@code localhost} would be sent to a name server, so it is refused.
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
        Events.emit(Events.REFUSED, message);
        throw new java.net.UnknownHostException(message);
    }

    /** Called on entry of {@code InetAddress.getHostFromNameService}: only a loopback address is looked up. */
    public static void admitReverseLookup(java.net.InetAddress address) throws java.net.UnknownHostException {
        if (!loopbackOnly || address == null || address.isLoopbackAddress()) {
            return;
        }
        String message = new StringBuilder(NETWORK_REFUSED).append("looking up the name of ")
                .append(address.getHostAddress()).toString();
        Events.emit(Events.REFUSED, message);
        throw new java.net.UnknownHostException(message);
    }

    /**
     * Called on entry of {@code Class.forName} and {@code ClassLoader.loadClass(String)}.
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
     * Called on entry of {@code ClassLoader.loadClass(String)}: as {@link #admitClassLookup}, except for the classes of
     * this package, which learner classes the agent rewrote (the {@code lock} exercise's) name in their own bytecode:
     * the JVM resolves them through their class loader. {@code Class.forName} of them stays refused, and what learner
     * code can do with them is what {@link Events} allows.
     */
    public static void admitLoadClass(String name) throws ClassNotFoundException {
        if (name == null || !startsWithAny(name, PROTECTED) || name.startsWith(BOOT_PACKAGE)) {
            return;
        }
        checkLookup(name);
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
        Events.emit(Events.REFUSED, message);
        return true;
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
        Events.emit(Events.REFUSED, message);
        return "grader-refused/" + path;
    }

    /** The {@code sun.nio.fs.UnixNativeDispatcher} calls that change the file system (see {@link #admitNioPaths}). */
    private static final String[] NIO_WRITES = {"link", "unlink", "mknod", "rename", "mkdir", "rmdir", "symlink", "chown",
        "lchown", "chmod", "fchmodat", "utimensat"};
    /** The {@code java.io.UnixFileSystem} methods that change the file system (see {@link #admitIoPaths}). */
    private static final String[] IO_WRITES = {"setPermission", "createFileExclusively", "delete", "createDirectory",
        "rename", "setLastModifiedTime", "setReadOnly"};
    /** Linux's {@code O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND}: an {@code open} with any of them writes. */
    private static final int NIO_OPEN_WRITES = 01 | 02 | 0100 | 01000 | 02000;

    /**
     * Called on entry of the static {@code sun.nio.fs.UnixNativeDispatcher} methods that take a path (every
     * {@code java.nio.file} operation on the default file system of Linux and macOS ends in one): {@code method} is the
     * dispatcher method's name, {@code args} its arguments, whose {@code Path}s are checked.
     *
     * @throws SecurityException "file access refused by the grader: ..." for a path the learner's code may not reach
     */
    public static void admitNioPaths(String method, Object[] args) {
        if (files == null || args == null) {
            return;
        }
        String kind = method.equals("symlink") ? LINK : method.equals("open") ? (args.length > 1
                && args[1] instanceof Integer flags && (flags & NIO_OPEN_WRITES) != 0 ? WRITE : READ)
                : isOneOf(method, NIO_WRITES) ? WRITE : READ;
        for (Object a : args) {
            if (a instanceof java.nio.file.Path path) {
                admit(path.toString(), kind);
            }
        }
    }

    /**
     * Called on entry of the {@code java.io.UnixFileSystem} methods that reach the file system ({@code File.exists},
     * {@code list}, {@code delete}, {@code createNewFile}...): {@code method} is the method's name, {@code args} its
     * arguments, whose {@code File}s (or, for {@code createFileExclusively}, path) are checked.
     *
     * @throws SecurityException "file access refused by the grader: ..." for a path the learner's code may not reach
     */
    public static void admitIoPaths(String method, Object[] args) {
        if (files == null || args == null) {
            return;
        }
        String kind = isOneOf(method, IO_WRITES) ? WRITE : READ;
        for (Object a : args) {
            if (a instanceof java.io.File file) {
                admit(file.getPath(), kind);
            } else if (a instanceof String path) {
                admit(path, kind);
            }
        }
    }

    /**
     * Called on entry of the {@code open} methods of {@code FileInputStream} (read), {@code FileOutputStream} and
     * {@code RandomAccessFile} (write unless its mode is read-only), and of {@code File.deleteOnExit} (write: the JDK
     * deletes the file as the JVM ends, when no caller is left to check): the path as the JDK method got it.
     *
     * @throws SecurityException "file access refused by the grader: ..." for a path the learner's code may not reach
     */
    public static void admitFile(String path, boolean write) {
        admit(path, write ? WRITE : READ);
    }

    private static void admit(String path, String kind) {
        BiFunction<String, String, String> policy = files;
        if (policy == null || path == null || Events.IN_SINK.get() != null) {
            return;
        }
        String message;
        try {
            Events.IN_SINK.set(Boolean.TRUE);
            try {
                message = policy.apply(path, kind);
            } finally {
                Events.IN_SINK.remove();
            }
        } catch (Throwable e) {
            // Closed, not open: learner code could make the check fail on purpose (a stack almost full, a heap almost
            // spent) to slip a call through; a grader thread in that state would not get far with a file anyway.
            message = "file access refused by the grader: " + path + " could not be checked (" + e.getClass().getName() + ")";
        }
        if (message != null) {
            Events.emit(Events.REFUSED, message);
            throw new SecurityException(message);
        }
    }

    private static boolean isOneOf(String name, String[] names) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void checkLookup(String name) throws ClassNotFoundException {
        String message = lookupRefusal(name);
        if (message != null) {
            Events.emit(Events.REFUSED, message);
            throw new ClassNotFoundException(message);
        }
    }

    private static String lookupRefusal(String name) {
        try {
            Function<String, String> policy = lookups;
            if (policy == null || Events.IN_SINK.get() != null) {
                return null;
            }
            Events.IN_SINK.set(Boolean.TRUE);
            try {
                return policy.apply(name);
            } finally {
                Events.IN_SINK.remove();
            }
        } catch (Throwable ignored) {
            return null;
        }
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
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
}
