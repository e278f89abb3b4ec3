import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

class IsolatedRunner {
    public static List<JobResult> runAll(List<Job> jobs, int maxProcesses, Duration timeout) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(timeout, "timeout");
        jobs.forEach(j -> Objects.requireNonNull(j, "job"));
        if (maxProcesses < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("maxProcesses must be >= 1 and timeout positive");
        }
        Semaphore permits = new Semaphore(maxProcesses);
        List<CompletableFuture<JobResult>> results = new ArrayList<>();
        List<Thread> drains = new ArrayList<>();
        try {
            for (Job job : jobs) {
                permits.acquire();
                results.add(start(job, timeout, drains).whenComplete((r, e) -> permits.release()));
            }
            List<JobResult> all = results.stream().map(CompletableFuture::join).toList();
            for (Thread drain : drains) {
                drain.join();
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<JobResult> start(Job job, Duration timeout, List<Thread> drains) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), job.mainClass()));
        command.addAll(job.args());
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<String> output = new CompletableFuture<>();
        drains.add(Thread.ofVirtual().start(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // killed: keep what it wrote
            }
            output.complete(out.toString(StandardCharsets.UTF_8));
        }));
        // The kill comes first: a combined future waits for both sides, and the output ends only when the child does.
        CompletableFuture<Boolean> timedOut = p.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(exited -> false)
                .exceptionallyCompose(e -> {
                    if (!(e instanceof TimeoutException) && !(e.getCause() instanceof TimeoutException)) {
                        return CompletableFuture.failedFuture(e);
                    }
                    p.destroyForcibly();
                    return p.onExit().thenApply(exited -> true);
                });
        return timedOut.thenCombine(output, (killed, text) -> killed ? new JobResult(-1, text, true)
                : new JobResult(p.exitValue(), text, false));
    }
}
