import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

class IsolatedRunner {
    public static List<JobResult> runAll(List<Job> jobs, int maxProcesses, Duration timeout) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(timeout, "timeout");
        jobs.forEach(j -> Objects.requireNonNull(j, "job"));
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("maxProcesses < 1");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout not positive");
        }
        Semaphore permits = new Semaphore(maxProcesses);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JobResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return run(job, timeout, threads);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<JobResult> results = new ArrayList<>();
            for (Future<JobResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static JobResult run(Job job, Duration timeout, ExecutorService threads) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), job.mainClass()));
        command.addAll(job.args());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Future<byte[]> output = threads.submit(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // the child was killed: keep what it wrote
            }
            return out.toByteArray();
        });
        try {
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new JobResult(p.exitValue(), new String(output.get(), StandardCharsets.UTF_8), false);
            }
            p.destroyForcibly();
            p.waitFor();
            return new JobResult(-1, new String(output.get(), StandardCharsets.UTF_8), true);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
