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
    private final ForkMain.Channel channel;
    private TestPlan plan;
    /** The test running now and its thread, for the diagnosis watchdog (tests run one at a time). */
    private volatile Running running;

    record Running(TestIdentifier test, Thread thread, long startNanos) {}

    Running running() {
        return running;
    }

    StreamingListener(ForkMain.Channel channel) {
        this.channel = channel;
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
            running = new Running(id, Thread.currentThread(), System.nanoTime());
            grader.probes.Recorder.markRefusals();
            channel.send(ForkEvent.start(id.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        forEachTest(id, t -> channel.send(ForkEvent.skip(t.getUniqueId(), reason)));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            Running r = running;
            running = null;
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
        String trace = null;
        if (t != null) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            trace = w.toString();
            if (trace.length() > MAX_TRACE) {
                trace = trace.substring(0, MAX_TRACE) + "\n... (trace cut at " + MAX_TRACE + " characters)";
            }
        }
        return ForkEvent.end(id.getUniqueId(), result.getStatus().name(), message, trace);
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
