package grader.values;

import java.util.List;

/**
 * What the test JVM lets the learner's code use. Each exercise spec may set any of these ({@code "limits"}); one test
 * JVM runs every exercise of a submission, so it gets the most generous value any graded exercise asks for, and the
 * report prints what was used.
 *
 * @param perTestSeconds  a test's time before JUnit interrupts it (the watchdog gives {@code grader.launch.TestJvm.GRACE} more)
 * @param heapMegabytes   the test JVM's {@code -Xmx}
 * @param threads         thread starts allowed in one test JVM (platform and virtual); the next is refused
 * @param processes       child process starts allowed in one test JVM; the next is refused
 * @param outputKilobytes the learner's stdout and stderr kept (the rest is counted, not stored)
 * @param network         {@code "loopback"} (only this machine's loopback) or {@code "open"}
 */
public record Limits(Integer perTestSeconds, Integer heapMegabytes, Integer threads, Integer processes, Integer outputKilobytes,
                     String network) {

    /**
     * The defaults. Threads: the reference solutions start a few dozen per JVM, and 100,000 must cost one test, not the
     * machine. Processes: the grader runs as root on some machines, where the kernel's per-user process limit does not
     * apply; the known-wrong submission that runs each compute task in a child JVM starts about 270 in one test JVM.
     */
    public static final Limits DEFAULT = new Limits(60, 1024, 2000, 512, 64, "loopback");

    public Limits {
        check("perTestSeconds", perTestSeconds, 1, 3_600);
        check("heapMegabytes", heapMegabytes, 64, 16_384);
        check("threads", threads, 1, 100_000);
        check("processes", processes, 0, 10_000);
        check("outputKilobytes", outputKilobytes, 1, 16_384);
        if (network != null && !network.equals("loopback") && !network.equals("open")) {
            throw new IllegalArgumentException("limits.network must be \"loopback\" or \"open\", not \"" + network + "\"");
        }
    }

    private static void check(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException("limits." + name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** {@return the limits for people: "at most 60 s per test, 1024 MB heap, ..."} (all given: call on resolved limits) */
    public String describe() {
        return "at most " + perTestSeconds + " s per test, " + heapMegabytes + " MB heap, " + threads + " thread starts, " + processes
                + " process starts, " + outputKilobytes + " KB of output kept, network: "
                + ("open".equals(network) ? "open" : "loopback only");
    }

    /** {@return these limits, with the default for each one not given} */
    public Limits orDefaults() {
        Limits d = DEFAULT;
        return new Limits(perTestSeconds != null ? perTestSeconds : d.perTestSeconds,
                heapMegabytes != null ? heapMegabytes : d.heapMegabytes, threads != null ? threads : d.threads,
                processes != null ? processes : d.processes, outputKilobytes != null ? outputKilobytes : d.outputKilobytes,
                network != null ? network : d.network);
    }

    /**
     * {@return for each limit, the largest any exercise gets (its own value or the default), and an open network if
     * any exercise asks for one; the defaults when {@code perExercise} is empty}
     */
    public static Limits mostGenerous(List<Limits> perExercise) {
        Limits result = null;
        for (Limits given : perExercise) {
            Limits l = (given == null ? DEFAULT : given).orDefaults();
            result = result == null ? l : new Limits(Math.max(result.perTestSeconds, l.perTestSeconds),
                    Math.max(result.heapMegabytes, l.heapMegabytes), Math.max(result.threads, l.threads),
                    Math.max(result.processes, l.processes), Math.max(result.outputKilobytes, l.outputKilobytes),
                    "open".equals(result.network) || "open".equals(l.network) ? "open" : "loopback");
        }
        return result == null ? DEFAULT : result;
    }
}
