package course.processes;

/**
 * Given: how one job ended.
 *
 * @param exitCode the child JVM's exit code ({@code 0} when {@code main} returned, {@code 3} after
 *                 {@code System.exit(3)}, {@code 1} after an uncaught exception or error); {@code -1} when it
 *                 timed out
 * @param stdout   everything the child wrote to its standard output, decoded as UTF-8 (for a job that timed
 *                 out: what it wrote before it was killed)
 * @param timedOut true when the job was still running after the timeout and was killed
 */
public record JobResult(int exitCode, String stdout, boolean timedOut) {}
