package grader.launch.fork;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line on the private channel between the test JVM and the grader. Kinds ({@code t}):
 * {@code hello} (jdk, cpus, problem = agent self-test failure or null), {@code plan} (tests),
 * {@code start} (id), {@code end} (id, status, message, trace), {@code skip} (id, message),
 * {@code entry} (id, key, value), {@code exit} (how, status), {@code done}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForkEvent(
        String t,
        String id,
        String status,
        String message,
        String trace,
        String key,
        String value,
        Integer exitStatus,
        String jdk,
        Integer cpus,
        List<PlannedTest> tests) {

    /**
     * The {@code entry} key that carries how long a test took, in whole milliseconds rounded down, from its start to
     * its end as the test JVM's listener saw them (the JVM's start and the channel left out).
     */
    public static final String DURATION_KEY = "grader.durationMillis";

    /**
     * The {@code entry} key that carries a test's CPU: the test JVM's CPU time (all threads) at its start and at its end,
     * and the CPU time of the test's own thread during it, in ns, space-separated. Read only by the grader's CPU trace.
     */
    public static final String CPU_KEY = "grader.cpuNanos";

    /** A test the JVM will run: JUnit's unique id, the display name, its class and method, its tags. */
    public record PlannedTest(String id, String name, String className, String method, List<String> tags) {}

    public static ForkEvent hello(String jdk, int cpus, String problem) {
        return new ForkEvent("hello", null, null, problem, null, null, null, null, jdk, cpus, null);
    }

    public static ForkEvent plan(List<PlannedTest> tests) {
        return new ForkEvent("plan", null, null, null, null, null, null, null, null, null, List.copyOf(tests));
    }

    public static ForkEvent start(String id) {
        return new ForkEvent("start", id, null, null, null, null, null, null, null, null, null);
    }

    public static ForkEvent end(String id, String status, String message, String trace) {
        return new ForkEvent("end", id, status, message, trace, null, null, null, null, null, null);
    }

    public static ForkEvent skip(String id, String reason) {
        return new ForkEvent("skip", id, null, reason, null, null, null, null, null, null, null);
    }

    public static ForkEvent entry(String id, String key, String value) {
        return new ForkEvent("entry", id, null, null, null, key, value, null, null, null, null);
    }

    public static ForkEvent exit(String how, int status, String where) {
        return new ForkEvent("exit", null, how, where, null, null, null, status, null, null, null);
    }

    public static ForkEvent done() {
        return new ForkEvent("done", null, null, null, null, null, null, null, null, null, null);
    }

    /** {@return a done event that carries the test JVM's CPU time so far, in ns (for the grader's CPU trace)} */
    public static ForkEvent done(long processCpuNanos) {
        return new ForkEvent("done", null, null, null, null, null, String.valueOf(processCpuNanos), null, null, null, null);
    }
}
