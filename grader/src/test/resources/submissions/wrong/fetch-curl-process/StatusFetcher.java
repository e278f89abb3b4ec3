// Wrong (processes): every URL is fetched by a child process, `curl`, run through
// ProcessBuilder in a fixed pool of maxWorkers. The bound and the results are right, but the
// given HttpClient is never used, and a whole program is started per request where one
// thread waiting on a socket would do: processes are for isolation, not for I/O (A23).

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class StatusFetcher {
    public static List<Integer> fetchAll(HttpClient client, List<URI> urls, int maxWorkers, Duration timeout) {
        Objects.requireNonNull(client, "client");
        List<URI> targets = List.copyOf(Objects.requireNonNull(urls, "urls"));
        Objects.requireNonNull(timeout, "timeout");
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        Set<Process> running = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(maxWorkers)) {
            List<Future<Integer>> futures = new ArrayList<>(targets.size());
            for (URI url : targets) {
                futures.add(pool.submit(() -> curlStatus(url, timeout, running)));
            }
            try {
                return resultsInOrder(futures);
            } catch (CancellationException e) {
                running.forEach(Process::destroyForcibly); // reading a pipe ignores interrupts
                throw e;
            }
        }
    }

    /** curl -s -o /dev/null -w %{http_code} -m seconds url: -1 on a non-zero exit or "000". */
    private static int curlStatus(URI url, Duration timeout, Set<Process> running) {
        String seconds = String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0);
        ProcessBuilder curl = new ProcessBuilder(
                "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", seconds,
                "--noproxy", "*", // as HttpClient would: no proxy from the environment
                url.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = curl.start();
        } catch (IOException e) {
            return -1;
        }
        running.add(process);
        try (InputStream out = process.getInputStream()) {
            String code = new String(out.readAllBytes(), StandardCharsets.US_ASCII).trim(); // read, then wait
            int exit = process.waitFor();
            if (exit != 0 || code.isEmpty() || code.equals("000")) {
                return -1;
            }
            return Integer.parseInt(code);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while fetching " + url);
        } finally {
            running.remove(process);
            process.destroyForcibly();
        }
    }

    /** Waits for every future, in order; if interrupted, cancels them all and keeps the interrupt. */
    private static <T> List<T> resultsInOrder(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for results");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed unexpectedly", e.getCause());
        }
    }
}
