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
     */
    record Run(int exitCode, long nanos, long rootPeakKb, long childPeakKb, Path log) {
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
        Thread sampler = null;
        if (sampleMemory) {
            sampler = Thread.ofPlatform().daemon().name("bench-rss").start(() -> {
                while (p.isAlive()) {
                    sample(p.toHandle(), peaks);
                    p.descendants().forEach(h -> sample(h, peaks));
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
        return new Run(done ? p.exitValue() : -1, nanos, root, child, log);
    }

    private static void sample(ProcessHandle h, Map<Long, Long> peaks) {
        long kb = vmHwmKb(h.pid());
        if (kb >= 0) {
            peaks.merge(h.pid(), kb, Math::max);
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
