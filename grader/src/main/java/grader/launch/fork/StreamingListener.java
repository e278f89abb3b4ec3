package grader.launch.fork;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Streams test events to the grader. Containers are not reported as such: a container that fails or
 * is skipped (e.g. a class that cannot load) is reported for each of its tests, so every planned test
 * ends with a result and a reason.
 */
final class StreamingListener implements TestExecutionListener {
    private static final int MAX_TRACE = 8_000;
    /** The report-entry key of a test's budget ({@link Budgets.Budget#describe()}), sent when it starts. */
    static final String BUDGET_KEY = "grader.budget";
    private final ForkMain.Channel channel;
    private final Budgets budgets;
    private TestPlan plan;
    /** The test running now and its thread, for the diagnosis watchdog (tests run one at a time). */
    private volatile Running running;

    /**
     * The running test.
     *
     * @param budget   its budget, fixed when it started
     * @param timedOut set (once, by {@link Diagnosis}) to the budget it ran past, when the grader interrupted it
     */
    record Running(TestIdentifier test, Thread thread, long startNanos, Budgets.Budget budget,
                   java.util.concurrent.atomic.AtomicReference<String> timedOut, long processCpu, long threadCpu) {}

    /** {@return the test JVM's CPU time so far, all threads, in ns; -1 where the JVM can't say} */
    static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    Running running() {
        return running;
    }

    /** A listener whose tests have the ceiling (60 s) as their budget: for runs without the reference times. */
    StreamingListener(ForkMain.Channel channel) {
        this(channel, new Budgets(java.util.Map.of(), java.time.Duration.ofSeconds(60), false));
    }

    StreamingListener(ForkMain.Channel channel, Budgets budgets) {
        this.channel = channel;
        this.budgets = budgets;
    }

    /**
     * If {@code r} is still the running test: runs {@code first} (which reports why), marks it as timed out with
     * {@code why}, notes that the learner's code hung, and interrupts its thread. Under the same lock as the test's end,
     * so a test that has just ended (and the next one) is never interrupted.
     *
     * @return whether it was still running
     */
    synchronized boolean interruptIfRunning(Running r, String why, Runnable first) {
        if (running != r) {
            return false;
        }
        first.run();
        r.timedOut().compareAndSet(null, why);
        budgets.markHung();
        r.thread().interrupt();
        return true;
    }

    static ForkEvent.PlannedTest planned(TestIdentifier id) {
        String className = null;
        String method = null;
        TestSource source = id.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            className = m.getClassName();
            method = m.getMethodName();
        } else if (source instanceof ClassSource c) {
            className = c.getClassName();
        }
        List<String> tags = id.getTags().stream().map(t -> t.getName()).sorted().toList();
        return new ForkEvent.PlannedTest(id.getUniqueId(), id.getDisplayName(), className, method, tags);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            ForkEvent.PlannedTest planned = planned(id);
            Budgets.Budget budget = budgets.of(planned.className(), planned.method(), Budgets.loadScale());
            grader.probes.Recorder.markRefusals();
            channel.send(ForkEvent.start(id.getUniqueId()));
            channel.send(ForkEvent.entry(id.getUniqueId(), BUDGET_KEY, budget.describe()));
            running = new Running(id, Thread.currentThread(), System.nanoTime(), budget,
                    new java.util.concurrent.atomic.AtomicReference<>(), processCpu(),
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        forEachTest(id, t -> channel.send(ForkEvent.skip(t.getUniqueId(), reason)));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            Running r;
            synchronized (this) {
                r = running;
                running = null;
            }
            if (r != null && r.test().equals(id)) {
                // Where the CPU goes (the bench's table): the whole JVM's during the test, and the test thread's own.
                channel.send(ForkEvent.entry(id.getUniqueId(), ForkEvent.CPU_KEY, r.processCpu() + " " + processCpu() + " "
                        + (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - r.threadCpu())));
            }
            String timedOut = r == null ? null : r.timedOut().get();
            if (timedOut != null) {
                // The grader interrupted it at its budget: whatever the interrupt made the test end with, it hung.
                // The interrupt is not left for the next test.
                Thread.interrupted();
                channel.send(ForkEvent.entry(id.getUniqueId(), ForkEvent.DURATION_KEY,
                        String.valueOf(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r.startNanos()))));
                String refused = grader.probes.Recorder.refusedSinceMark();
                channel.send(ForkEvent.end(id.getUniqueId(), "FAILED", "timed out: ran past " + timedOut
                        + ", and ended when the grader interrupted it" + (refused == null ? "" : " [during this test the grader refused: " + refused + "]"),
                        result.getThrowable().map(StreamingListener::trace).orElse(null)));
                return;
            }
            // JUnit gave up on the test at its timeout: say why it was stuck while the learner's threads
            // are still where they were (a deadlock outlives the interrupted test thread).
            if (r != null && result.getThrowable().filter(t -> t instanceof java.util.concurrent.TimeoutException).isPresent()) {
                String why = Diagnosis.describe(r.thread());
                if (why != null) {
                    channel.send(ForkEvent.entry(id.getUniqueId(), Diagnosis.KEY, why));
                }
            }
            if (r != null && r.test().equals(id)) {
                // Measured here, around the test alone, so the report's durations leave out the JVM's start and the channel.
                channel.send(ForkEvent.entry(id.getUniqueId(), ForkEvent.DURATION_KEY,
                        String.valueOf(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r.startNanos()))));
            }
            channel.send(end(id, result, grader.probes.Recorder.refusedSinceMark()));
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A container failed (e.g. its class did not load): its tests that never ran get its reason.
            forEachTest(id, t -> channel.send(end(t, result, null)));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        for (Map.Entry<String, String> e : entry.getKeyValuePairs().entrySet()) {
            channel.send(ForkEvent.entry(id.getUniqueId(), e.getKey(), e.getValue()));
        }
    }

    private void forEachTest(TestIdentifier id, java.util.function.Consumer<TestIdentifier> action) {
        if (id.isTest()) {
            action.accept(id);
        } else if (plan != null) {
            plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(action);
        }
    }

    /**
     * @param refused what the agent refused during the test (a thread or process cap, the network), or null: a failed
     *                test's message names it when the learner's code swallowed or re-wrapped the JDK's exception
     */
    private static ForkEvent end(TestIdentifier id, TestExecutionResult result, String refused) {
        Throwable t = result.getThrowable().orElse(null);
        String message = t == null ? null : describe(t);
        if (message != null && refused != null && !message.contains(refused)) {
            message = message + " [during this test the grader refused: " + refused + "]";
        }
        return ForkEvent.end(id.getUniqueId(), result.getStatus().name(), message, t == null ? null : trace(t));
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String trace = w.toString();
        return trace.length() > MAX_TRACE ? trace.substring(0, MAX_TRACE) + "\n... (trace cut at " + MAX_TRACE + " characters)" : trace;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getName();
        if (name.startsWith("org.opentest4j.") && m != null) {
            return m;
        }
        return m == null ? name : name + ": " + m;
    }
}
