// The reference solution (a fixed pool of maxProcesses threads, one child each), with each child's output sent to a
// temporary file instead of a pipe (Files.createTempFile, redirectOutput(file)): a full pipe can't block the child,
// and the file is read back once the child has ended, then deleted. Issue 16: refused as file access before.
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class IsolatedRunner {
    public static List<JobResult> runAll(List<Job> jobs, int maxProcesses, Duration timeout) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(timeout, "timeout");
        jobs.forEach(j -> Objects.requireNonNull(j, "a job"));
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("maxProcesses must be at least 1, was " + maxProcesses);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (jobs.isEmpty()) {
            return List.of();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(maxProcesses)) {
            List<Future<JobResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> run(job, timeout)));
            }
            List<JobResult> results = new ArrayList<>();
            for (Future<JobResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while jobs were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job could not be run: " + e.getCause(), e.getCause());
        }
    }

    /** One child, its output in a temporary file of its own: nothing to drain while it runs. */
    private static JobResult run(Job job, Duration timeout) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), job.mainClass()));
        command.addAll(job.args());
        Path output = Files.createTempFile("job-", ".out");
        try {
            File file = output.toFile();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(file).start();
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return finished ? new JobResult(process.exitValue(), text, false) : new JobResult(-1, text, true);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
