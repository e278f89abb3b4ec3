package grader.launch.fork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long each test may run before the grader looks at why it has not ended. A budget bounds what a hang costs; it
 * never decides a verdict on its own (see {@link Diagnosis}: a test whose threads still make progress at its budget
 * runs on, up to the ceiling or its processor budget).
 *
 * <p>A test's budget is {@value #FACTOR} times what it took with the reference solution ({@link #RESOURCE}, made by
 * {@code ReferenceBudgets} in the grader's tests), at least {@link #FLOOR}, times the machine's load (load average per
 * processor, between 1 and {@value #MAX_LOAD_SCALE}), and at most the ceiling (the per-test timeout the grader was
 * given). Once the learner's code has hung in this grading ({@link #hung()}), every later test gets its short budget:
 * {@value #SHORT_FACTOR} times the reference, at least {@link #SHORT_FLOOR}, not scaled by load (a test that
 * still works at it runs on, see below), so a method that always hangs costs seconds a test. A test the resource does
 * not know gets the ceiling (short: {@link #SHORT_UNKNOWN}).
 *
 * <p>A test whose threads still work at its budget (a slow machine, a slow solution, or a loop that spins forever: the
 * clock cannot tell them apart) runs on to the ceiling while it stays within its processor budget: the processor time
 * this JVM's threads used since the test started, at most {@value #CPU_FACTOR} times the most the reference run could
 * have used (its time on each of the machine's processors), at least {@link #CPU_FLOOR}. Processor time, unlike the
 * clock, does not grow when other processes load the machine: a right solution on a busy machine uses what it uses on
 * an idle one, while a loop that never ends uses up any budget. A test the resource does not know has none.
 */
final class Budgets {
    /** The reference run's milliseconds per test, {@code class#method=millis}. */
    static final String RESOURCE = "/grader/launch/budgets.properties";
    /** The system property that tells a restarted test JVM the learner's code already hung in this grading. */
    static final String AFTER_HANG = "grader.afterHang";
    static final int FACTOR = 10;
    static final Duration FLOOR = Duration.ofSeconds(5);
    static final int SHORT_FACTOR = 2;
    static final Duration SHORT_FLOOR = Duration.ofSeconds(1);
    static final Duration SHORT_UNKNOWN = Duration.ofSeconds(10);
    static final double MAX_LOAD_SCALE = 4;
    static final int CPU_FACTOR = 20;
    static final Duration CPU_FLOOR = Duration.ofSeconds(10);

    /**
     * One test's budget.
     *
     * @param time  when the grader looks at the test's threads first
     * @param limit the latest it may run while its threads still work (the ceiling)
     * @param isShort whether it is a short budget (the learner's code had hung before)
     * @param cpu   the processor time its threads may use once past {@code time} while they still work, or null (none:
     *              the test the resource does not know runs on to the ceiling)
     */
    record Budget(Duration time, Duration limit, boolean isShort, Duration cpu) {
        /** {@return "its budget of 5 s", "its short budget of 2 s": what the reports print} */
        String describe() {
            return "its " + (isShort ? "short " : "") + "budget of " + seconds(time);
        }
    }

    private final Map<String, Long> referenceMillis;
    private final Duration ceiling;
    private final AtomicBoolean hung;
    private final Duration cpuFloor;
    private final int processors;

    Budgets(Map<String, Long> referenceMillis, Duration ceiling, boolean hungBefore) {
        this(referenceMillis, ceiling, hungBefore, CPU_FLOOR, machineProcessors());
    }

    /** With a processor-budget floor and a processor count of the caller's (the tests'). */
    Budgets(Map<String, Long> referenceMillis, Duration ceiling, boolean hungBefore, Duration cpuFloor, int processors) {
        this.referenceMillis = Map.copyOf(referenceMillis);
        this.ceiling = ceiling;
        this.hung = new AtomicBoolean(hungBefore);
        this.cpuFloor = cpuFloor;
        this.processors = processors;
    }

    /** Budgets from {@link #RESOURCE}, this ceiling, and {@link #AFTER_HANG} as the grader set it. */
    static Budgets load(Duration ceiling) {
        return new Budgets(readReference(), ceiling, Boolean.getBoolean(AFTER_HANG));
    }

    static Map<String, Long> readReference() {
        Properties p = new Properties();
        try (InputStream in = Budgets.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.HashMap<String, Long> millis = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> millis.put(k, Long.parseLong(p.getProperty(k).strip())));
        return millis;
    }

    /** Marks that the learner's code hung: every later test gets its short budget. */
    void markHung() {
        hung.set(true);
    }

    boolean hung() {
        return hung.get();
    }

    /** {@return the budget of {@code className#method} now, at this load scale (see {@link #loadScale()})} */
    Budget of(String className, String method, double loadScale) {
        Long ref = referenceMillis.get(className + "#" + method);
        // The most processor time the reference run could have used: its time on every processor of the machine.
        Duration cpu = ref == null ? null : max(cpuFloor, Duration.ofMillis(ref * CPU_FACTOR * processors));
        if (hung.get()) {
            Duration time = ref == null ? min(SHORT_UNKNOWN, ceiling)
                    : min(ceiling, max(SHORT_FLOOR, scaled(ref * SHORT_FACTOR, 1)));
            return new Budget(time, ceiling, true, cpu);
        }
        Duration time = ref == null ? ceiling : min(ceiling, max(FLOOR, scaled(ref * FACTOR, loadScale)));
        return new Budget(time, ceiling, false, cpu);
    }

    private static Duration scaled(long millis, double scale) {
        return Duration.ofMillis((long) Math.ceil(millis * scale));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * {@return the load average per processor, between 1 and {@value #MAX_LOAD_SCALE}: a busy machine gives each test
     * more time} The processors are the machine's, not {@code availableProcessors()}, which the grader sets.
     */
    static double loadScale() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load < 0) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_LOAD_SCALE, load / machineProcessors()));
    }

    /** Linux's online processors ({@code 0-1,4}), else what the JVM reports. */
    static int machineProcessors() {
        try {
            return countProcessors(Files.readString(Path.of("/sys/devices/system/cpu/online")));
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** {@return how many processors a kernel list such as {@code 0-3,8} names (at least 1)} */
    static int countProcessors(String ranges) {
        int n = 0;
        for (String range : ranges.strip().split(",")) {
            String[] ends = range.split("-");
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return Math.max(1, n);
    }

    /** {@return "5 s", "2.5 s"} */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
