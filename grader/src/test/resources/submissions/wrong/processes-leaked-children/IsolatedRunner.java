import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        Objects.requireNonNull(jobs);
        Objects.requireNonNull(timeout);
        jobs.forEach(Objects::requireNonNull);
        if (maxProcesses < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("bad arguments");
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
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static JobResult run(Job job, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), job.mainClass()));
        command.addAll(job.args());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread drain = Thread.ofPlatform().daemon().start(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // ended
            }
        });
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            synchronized (out) {
                return new JobResult(-1, out.toString(StandardCharsets.UTF_8), true);
            }
        }
        drain.join();
        return new JobResult(p.exitValue(), out.toString(StandardCharsets.UTF_8), false);
    }
}
