import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

class IsolatedRunner {
    public static List<JobResult> runAll(List<Job> jobs, int maxProcesses, Duration timeout) {
        Objects.requireNonNull(jobs);
        Objects.requireNonNull(timeout);
        jobs.forEach(Objects::requireNonNull);
        if (maxProcesses < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("bad arguments");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        List<Thread> drains = new ArrayList<>();
        try {
            for (Job job : jobs) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), job.mainClass()));
                command.addAll(job.args());
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                processes.add(p);
                outs.add(out);
                drains.add(Thread.ofPlatform().start(() -> {
                    try {
                        p.getInputStream().transferTo(out);
                    } catch (IOException e) {
                        // killed
                    }
                }));
            }
            List<JobResult> results = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    p.destroyForcibly();
                    p.waitFor();
                }
                drains.get(i).join();
                String text = outs.get(i).toString(StandardCharsets.UTF_8);
                results.add(finished ? new JobResult(p.exitValue(), text, false) : new JobResult(-1, text, true));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
