package grader.agent;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.agent.boot.Events;
import grader.agent.boot.Guards;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each transformer's advice, applied in-process to a nested sample class that has the shape of its JDK target (as
 * raphw/byte-buddy's AdviceSuppressionTest does), without an agent. The boot classes are ordinary classes here, and
 * the samples stand in for the JDK classes the agent weaves ({@link BootSink}).
 */
class AdviceTest {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordEvents() {
        BootSink.to(this::record);
    }

    /** The event as one line: "thread NAME", "pool KIND CORE MAX CLASS", "process ARGS", "exit|halt STATUS"... */
    private void record(String kind, Object payload) {
        switch (kind) {
            case Events.THREAD -> events.add("thread " + ((Thread) payload).getName());
            case Events.POOL -> {
                Object[] p = (Object[]) payload;
                // Not getSimpleName(): a redefined nested sample lives in another loader than its outer class, and the
                // JVM then rejects the InnerClasses lookup.
                events.add("pool " + p[1] + " " + p[2] + " " + p[3] + " "
                        + p[0].getClass().getName().substring(p[0].getClass().getName().lastIndexOf('$') + 1));
            }
            case Events.PROCESS -> events.add("process " + String.join(" ", (String[]) payload));
            case Events.EXIT -> events.add(((Object[]) payload)[0] + " " + ((Object[]) payload)[1]);
            case Events.KERNEL_ENTER -> events.add("enter " + payload);
            case Events.KERNEL_EXIT -> events.add("exit " + payload);
            case Events.REFUSED -> events.add("limit " + payload);
            default -> events.add(kind + " " + payload);
        }
    }

    @AfterEach
    void clearSinks() {
        BootSink.to(null);
        Guards.configure(-1, -1, false, null);
    }

    @Test
    void aStartThatDelegatesToTheContainerStartIsReportedOnce() throws Exception {
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        Object thread = type.getConstructor(String.class).newInstance("sample");
        type.getMethod("start").invoke(thread);
        assertEquals(List.of("thread sample"), events);
        assertEquals(1, type.getField("started").getInt(thread));
    }

    @Test
    void twoThreadsStartedInARowAreBothReported() throws Exception {
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        type.getMethod("start").invoke(type.getConstructor(String.class).newInstance("a"));
        type.getMethod("start").invoke(type.getConstructor(String.class).newInstance("b"));
        assertEquals(List.of("thread a", "thread b"), events);
    }

    @Test
    void aThrowingSinkNeverReachesTheLearnersStart() throws Exception {
        BootSink.to((kind, payload) -> {
            throw new IllegalStateException("sink failed");
        });
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        Object thread = type.getConstructor(String.class).newInstance("sample");
        type.getMethod("start").invoke(thread);
        assertEquals(1, type.getField("started").getInt(thread));
    }

    @Test
    void aThreadStartedInsideTheSinkIsNotReportedAgain() throws Exception {
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        Object inner = type.getConstructor(String.class).newInstance("inner");
        BootSink.to((kind, payload) -> {
            record(kind, payload);
            try {
                type.getMethod("start").invoke(inner);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        type.getMethod("start").invoke(type.getConstructor(String.class).newInstance("outer"));
        assertEquals(List.of("thread outer"), events);
        assertEquals(1, type.getField("started").getInt(inner));
    }

    @Test
    void aPoolIsReportedOnceFromItsTerminalConstructor() throws Exception {
        Class<?> type = advise(PoolSample.class, new ThreadPoolExecutorTransformer());
        type.getConstructor(int.class, int.class).newInstance(2, 5);
        assertEquals(List.of("pool tpe 2 5 PoolSample"), events);
    }

    @Test
    void aPoolConstructorThatThrowsReportsNothing() throws Exception {
        Class<?> type = advise(PoolSample.class, new ThreadPoolExecutorTransformer());
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> type.getConstructor(int.class, int.class).newInstance(-1, 5));
        assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
        assertEquals(List.of(), events);
    }

    @Test
    void aForkJoinPoolIsReportedWithItsParallelismAsCoreAndMax() throws Exception {
        Class<?> type = advise(ForkJoinSample.class, new ForkJoinPoolTransformer());
        type.getConstructor(int.class).newInstance(3);
        assertEquals(List.of("pool fjp 3 3 ForkJoinSample"), events);
    }

    @Test
    void aProcessStartIsReportedWithItsCommand() throws Exception {
        Class<?> type = advise(ProcessSample.class, new ProcessStartTransformer());
        Object result = type.getMethod("start", String[].class, Map.class, String.class, Object[].class, boolean.class)
                .invoke(null, new String[] {"curl", "-s", "x"}, Map.of(), null, null, false);
        assertEquals("started", result);
        assertEquals(List.of("process curl -s x"), events);
    }

    @Test
    void aThreadStartPastTheCapIsRefusedOnceCountedAndNotReported() throws Exception {
        Guards.configure(1, -1, false, null);
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        type.getMethod("start").invoke(type.getConstructor(String.class).newInstance("first")); // start() and start(c): one
        Object second = type.getConstructor(String.class).newInstance("second");
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> type.getMethod("start").invoke(second));
        String message = "unable to create native thread: the grader's limit of 1 threads in the test JVM is reached";
        assertInstanceOf(OutOfMemoryError.class, e.getCause());
        assertEquals(message, e.getCause().getMessage());
        assertEquals(0, type.getField("started").getInt(second));
        assertEquals(List.of("thread first", "limit " + message), events);
    }

    @Test
    void aProcessStartAtTheCapIsRefusedWithAnIOException() throws Exception {
        BootSink.to(null);
        Guards.configure(-1, 0, false, null);
        Class<?> type = advise(ProcessSample.class, new ProcessStartTransformer());
        java.lang.reflect.Method start = type.getMethod("start", String[].class, Map.class, String.class, Object[].class,
                boolean.class);
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> start.invoke(null, new String[] {"b"}, Map.of(), null, null, false));
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertEquals("the grader's limit of 0 child processes in the test JVM is reached", e.getCause().getMessage());
        assertEquals(List.of(), events);
    }

    @Test
    void exitAndHaltAreReportedByName() throws Exception {
        Class<?> type = advise(RuntimeSample.class, new RuntimeExitTransformer());
        Object runtime = type.getConstructor().newInstance();
        type.getMethod("exit", int.class).invoke(runtime, 3);
        type.getMethod("halt", int.class).invoke(runtime, 4);
        assertEquals(List.of("exit 3", "halt 4"), events);
    }

    @Test
    void aKernelIsEnteredAndExitedEvenWhenItThrows() throws Exception {
        String id = KernelSample.class.getName() + "#work";
        Class<?> type = advise(KernelSample.class,
                new KernelTransformer(Map.of(KernelSample.class.getName(), List.of("work")), BootSink.TOKEN));
        Object kernel = type.getConstructor().newInstance();
        assertEquals(6, type.getMethod("work", int.class).invoke(kernel, 3));
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> type.getMethod("work", int.class).invoke(kernel, -1));
        assertInstanceOf(ArithmeticException.class, thrown.getCause());
        assertEquals("static", type.getMethod("work", String.class).invoke(null, "static"));
        type.getMethod("other").invoke(kernel);
        assertEquals(List.of("enter " + id, "exit " + id, "enter " + id, "exit " + id, "enter " + id, "exit " + id), events);
    }

    @Test
    void aKernelWaitingInsideItsSinkStillReportsOtherThreads() throws Exception {
        // The re-entrancy guard is per thread: a kernel parked at a rendezvous on one thread must not hide another's.
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        BootSink.to((kind, payload) -> {
            if (!kind.equals(Events.KERNEL_ENTER)) {
                record(kind, payload);
                return;
            }
            try {
                Thread other = new Thread(() -> {
                    try {
                        type.getMethod("start").invoke(type.getConstructor(String.class).newInstance("other"));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
                other.start();
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Events.kernelEnter("k", BootSink.TOKEN);
        assertEquals(List.of("thread other"), events.stream().filter(e -> e.equals("thread other")).toList());
    }

    @Test
    void eventsCalledDirectlyInsteadOfFromAWovenJdkClassRecordNothing() {
        // The caller is this test class, not one of the samples that stand in for the woven JDK classes.
        Events.threadStarted(new Thread("t"));
        Events.poolCreated(new Object(), "tpe", 1, 1);
        Events.processStarting(new String[] {"x"});
        Events.exitRequested("exit", 0);
        Events.threadWaiting("join");
        assertTrue(events.isEmpty(), events::toString);
    }

    @Test
    void learnerClassEventsWithoutTheTokenRecordNothing() {
        Events.kernelEnter("k", BootSink.TOKEN + 1);
        Events.kernelExit("k", 0L);
        Events.lockAcquired(new Object(), BootSink.TOKEN - 1);
        Events.lockReleasing(new Object(), 0L);
        assertTrue(events.isEmpty(), events::toString);
        Events.kernelEnter("k", BootSink.TOKEN);
        assertEquals(List.of("enter k"), events);
    }

    @Test
    void theSinkIsInstalledOnceAndASecondInstallChangesNothing() throws Exception {
        List<String> other = new CopyOnWriteArrayList<>();
        assertFalse(Events.install(BootSink.TOKEN, c -> true, (kind, payload) -> other.add(kind)));
        Events.threadWaiting("join"); // a caller the second install would have let through
        Class<?> type = advise(StartSample.class, new ThreadStartTransformer());
        type.getMethod("start").invoke(type.getConstructor(String.class).newInstance("sample"));
        assertAll(() -> assertEquals(List.of(), other), () -> assertEquals(List.of("thread sample"), events));
    }

    /** Redefines {@code sample} with {@code transformer} and loads it child-first, as a fresh class. */
    private static Class<?> advise(Class<?> sample, AgentBuilder.Transformer transformer) {
        return transformer.transform(new ByteBuddy().redefine(sample), TypeDescription.ForLoadedType.of(sample),
                        sample.getClassLoader(), null, null)
                .make()
                .load(sample.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
    }

    /** The shape of {@code VirtualThread}: {@code start()} delegates to {@code start(ThreadContainer)}. Never runs. */
    public static class StartSample extends Thread {
        public int started;

        public StartSample(String name) {
            super(name);
        }

        @Override
        public void start() {
            start((Object) null);
        }

        void start(Object container) {
            started++;
        }
    }

    /** The shape of {@code ThreadPoolExecutor}'s constructors. */
    public static class PoolSample {
        public PoolSample(int core, int max) {
            this(core, max, 0L, TimeUnit.SECONDS, null, null);
        }

        public PoolSample(int core, int max, long keepAlive, TimeUnit unit, BlockingQueue<Runnable> queue,
                ThreadFactory factory) {
            this(core, max, keepAlive, unit, queue, factory, null);
        }

        public PoolSample(int core, int max, long keepAlive, TimeUnit unit, BlockingQueue<Runnable> queue,
                ThreadFactory factory, RejectedExecutionHandler handler) {
            if (core < 0) {
                throw new IllegalArgumentException("core " + core);
            }
        }
    }

    /** The shape of {@code ForkJoinPool}'s constructors. */
    public static class ForkJoinSample {
        public ForkJoinSample(int parallelism) {
            this(parallelism, null, null, false, 0, 256, 1, null, 60_000L, TimeUnit.MILLISECONDS);
        }

        public ForkJoinSample(int parallelism, Object factory, Object handler, boolean async, int core, int max,
                int minRunnable, Object saturate, long keepAlive, TimeUnit unit) {}
    }

    /** The shape of {@code ProcessImpl.start}. */
    public static class ProcessSample {
        public static String start(String[] command, Map<String, String> environment, String dir, Object[] redirects,
                boolean redirectErrorStream) {
            return "started";
        }
    }

    /** The shape of {@code Runtime}'s exit and halt. */
    public static class RuntimeSample {
        public void exit(int status) {}

        public void halt(int status) {}
    }

    /** A learner class with a watched name, an overload, and a method that isn't watched. */
    public static class KernelSample {
        public int work(int n) {
            if (n < 0) {
                throw new ArithmeticException("negative");
            }
            return n * (n + 1) / 2;
        }

        public static String work(String s) {
            return s;
        }

        public void other() {}
    }
}
