package grader.launch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a grading's CPU goes, for the bench: when the system property {@value #PROPERTY} names a file, the grader
 * appends one JSON line per phase (compile, checks, each test JVM's start, each test, its end) to it. Off by default:
 * then every call costs one field read. Not part of any report: report.json stays as its schema says.
 */
public final class CpuTrace {
    /** The system property that names the trace file. */
    public static final String PROPERTY = "grader.cpuTrace";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = System.getProperty(PROPERTY) == null ? null : Path.of(System.getProperty(PROPERTY));

    private CpuTrace() {}

    /**
     * One phase.
     *
     * @param work            the grading's work folder: the key that ties a submission's lines together
     * @param submission      the submission's folder, when the phase knows it
     * @param phase           {@code grading}, {@code compile}, {@code checks}, {@code jvm-start}, {@code test}, {@code jvm-end}, {@code jvm}
     * @param exercise        the exercise, when the phase belongs to one
     * @param test            {@code class#method} of a test
     * @param cpuMillis       CPU time: of the grader's thread for grader phases, of the whole test JVM for test JVM phases
     * @param threadCpuMillis a test's own thread's CPU time (the rest of {@code wallMillis} it spent waiting)
     * @param wallMillis      wall time
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String work, String submission, String phase, String exercise, String test, Double cpuMillis,
                       Double threadCpuMillis, double wallMillis) {}

    /** {@return whether a trace file was asked for} */
    public static boolean on() {
        return FILE != null;
    }

    /** {@return the calling thread's CPU time in nanoseconds, or 0 when the trace is off} */
    public static long threadCpu() {
        return FILE == null ? 0 : ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Appends a line when the trace is on; a trace that cannot be written is dropped, never the grading. */
    public static void write(Line line) {
        if (FILE == null) {
            return;
        }
        synchronized (CpuTrace.class) {
            try {
                Files.writeString(FILE, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // a measurement aid only
            }
        }
    }

    /** Appends a grader phase that began at {@code cpuStart} (thread CPU, ns) and {@code wallStart} (ns). */
    public static void phase(Path work, String phase, String exercise, long cpuStart, long wallStart) {
        if (FILE != null) {
            write(new Line(work.toString(), null, phase, exercise, null, (threadCpu() - cpuStart) / 1e6, null,
                    (System.nanoTime() - wallStart) / 1e6));
        }
    }
}
