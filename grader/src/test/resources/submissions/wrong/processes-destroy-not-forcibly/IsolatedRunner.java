// The reference solution with Process.destroy() where destroyForcibly() is needed: the polite stop (SIGTERM)
// ends a child that lets it, but a child whose shutdown hook never returns stays alive, and waitFor() after it
// never returns.
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    private static JobResult run(Job job, Duration timeout) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), job.mainClass()));
        command.addAll(job.args());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = Thread.ofPlatform().daemon().start(() -> copy(process.getInputStream(), out));
        try {
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                process.destroy();
                process.waitFor();
            }
            drain.join();
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            return finished ? new JobResult(process.exitValue(), text, false) : new JobResult(-1, text, true);
        } finally {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The stream was closed under us: the output read so far is the result.
        }
    }
}
