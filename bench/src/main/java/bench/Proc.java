package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Runs one child process with its output in a file, timing it and, on Linux, sampling its memory. */
final class Proc {
    private Proc() {}

    /** How often {@code /proc/<pid>/status} is read while the process runs. */
    static final long SAMPLE_MILLIS = 50;

    /**
     * How one run went.
     *
     * @param exitCode    the exit code
     * @param nanos       wall time from start to exit
     * @param rootPeakKb  the process's own peak resident set (VmHWM), or -1 where /proc is not readable
     * @param childPeakKb the largest peak resident set of any process it started (test JVMs), or -1
     * @param log         where its stdout and stderr went
     * @param rootCpuTicks the process's own CPU time (utime + stime) at its last sample, in clock ticks, or -1
     * @param childCpuTicks the CPU time of every process it started (test JVMs, bubblewrap, what learner code starts),
     *                     each at its last sample, summed, in clock ticks, or -1
     */
    record Run(int exitCode, long nanos, long rootPeakKb, long childPeakKb, Path log, long rootCpuTicks, long childCpuTicks,
               Map<String, Long> childCpuTicksByKind) {
        /** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every mainstream kernel. */
        static final double TICKS_PER_SECOND = 100.0;

        /** {@return the CPU-seconds of the process and everything it started, or NaN when not measured} */
        double cpuSeconds() {
            return rootCpuTicks < 0 ? Double.NaN : (rootCpuTicks + Math.max(0, childCpuTicks)) / TICKS_PER_SECOND;
        }

        double rootCpuSeconds() {
            return rootCpuTicks < 0 ? Double.NaN : rootCpuTicks / TICKS_PER_SECOND;
        }

        double childCpuSeconds() {
            return childCpuTicks < 0 ? Double.NaN : childCpuTicks / TICKS_PER_SECOND;
        }

        double seconds() {
            return nanos / 1e9;
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    /** Runs {@code command} in {@code dir}, stdout and stderr to {@code log}; kills it (and its children) after {@code timeoutSeconds}. */
    static Run run(List<String> command, Path dir, Path log, boolean sampleMemory, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p = pb.start();
        Map<Long, Long> peaks = new ConcurrentHashMap<>();
        // CPU per process at its last sample: a sandboxed test JVM is never waited for by the grader (bubblewrap's
        // monitor exits first), so the kernel's children totals (cutime) would leave it out; sampling sees every one.
        Map<Long, Long> cpu = new ConcurrentHashMap<>();
        Map<Long, String> kinds = new ConcurrentHashMap<>();
        Thread sampler = null;
        if (sampleMemory) {
            sampler = Thread.ofPlatform().daemon().name("bench-rss").start(() -> {
                while (p.isAlive()) {
                    sample(p.toHandle(), peaks, cpu);
                    p.descendants().forEach(h -> {
                        sample(h, peaks, cpu);
                        // Again each time: a child seen between fork and exec still shows its parent's command. An exiting
                        // process shows none, and keeps what it was.
                        String kind = kind(h.pid());
                        if (kind != null) {
                            kinds.put(h.pid(), kind);
                        }
                    });
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - start;
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        if (sampler != null) {
            sampler.join();
        }
        long root = peaks.getOrDefault(p.pid(), -1L);
        long child = peaks.entrySet().stream().filter(e -> e.getKey() != p.pid()).mapToLong(Map.Entry::getValue).max().orElse(-1);
        long rootCpu = cpu.getOrDefault(p.pid(), -1L);
        long childCpu = sampleMemory ? cpu.entrySet().stream().filter(e -> e.getKey() != p.pid()).mapToLong(Map.Entry::getValue).sum() : -1;
        Map<String, Long> byKind = new java.util.TreeMap<>();
        cpu.forEach((pid, ticks) -> {
            if (pid != p.pid()) {
                byKind.merge(kinds.getOrDefault(pid, OTHER), ticks, Long::sum);
            }
        });
        return new Run(done ? p.exitValue() : -1, nanos, root, child, log, rootCpu, childCpu, Map.copyOf(byKind));
    }

    /** Kinds of child process, by their command line. */
    static final String TEST_JVM = "test JVMs";
    static final String SANDBOX = "bubblewrap";
    static final String OTHER = "other processes (what tests and learner code start, such as the processes exercise's child JVMs)";

    /** {@return the kind of a process by its command line, or null when it shows none (exiting, or gone)} */
    private static String kind(long pid) {
        try {
            String cmd = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
            if (cmd.isEmpty()) {
                return null;
            }
            String exe = cmd.contains("\0") ? cmd.substring(0, cmd.indexOf('\0')) : cmd;
            if (exe.endsWith("bwrap")) {
                return SANDBOX;
            }
            return cmd.contains("grader.launch.fork.ForkMain") ? TEST_JVM : OTHER;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void sample(ProcessHandle h, Map<Long, Long> peaks, Map<Long, Long> cpu) {
        long kb = vmHwmKb(h.pid());
        if (kb >= 0) {
            peaks.merge(h.pid(), kb, Math::max);
        }
        long ticks = cpuTicks(h.pid());
        if (ticks >= 0) {
            cpu.merge(h.pid(), ticks, Math::max);
        }
    }

    /** {@return utime + stime of a process in clock ticks, or -1 when it has gone or /proc is not there} */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@return VmHWM (peak resident set) of a process in kB, or -1 when it has gone or /proc is not there} */
    static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone between listing and reading, or no /proc: no sample
        }
        return -1;
    }

    /** {@return the median of the values (mean of the middle two for an even count)} */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {@return the last {@code lines} lines of a log, for an error message} */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
