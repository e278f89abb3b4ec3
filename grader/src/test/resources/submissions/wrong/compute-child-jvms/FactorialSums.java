// Wrong (processes): the Python multiprocessing habit. Every value is computed by a child
// JVM (the current java, this JVM's class path) that runs ChildMain and prints the sum; a
// fixed pool of availableProcessors() starts them. Results are right, but Java threads
// already run on every core: each child costs a JVM start-up and the kernel never runs in
// this JVM. Processes are for isolation, not speed (A23).

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        List<Integer> values = List.copyOf(ns);
        for (int n : values) {
            if (n < 0) {
                throw new IllegalArgumentException("ns must not contain a negative value, found " + n);
            }
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<BigInteger>> futures = new ArrayList<>(values.size());
            for (int n : values) {
                futures.add(pool.submit(() -> inChildJvm(n)));
            }
            return resultsInOrder(futures);
        }
    }

    private static BigInteger inChildJvm(int n) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        Process child = new ProcessBuilder(java, "-cp", classPath(),
                ChildMain.class.getName(), Integer.toString(n))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (InputStream out = child.getInputStream()) {
            String printed = new String(out.readAllBytes(), StandardCharsets.US_ASCII).trim(); // read, then wait
            int exit = child.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("child JVM for n = " + n + " exited with " + exit);
            }
            return new BigInteger(printed);
        } finally {
            child.destroyForcibly();
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
    /**
     * This JVM's class path, led by the folder or jar this class came from, in case the
     * class was loaded by a loader of its own and is not on java.class.path.
     */
    private static String classPath() {
        String classPath = System.getProperty("java.class.path");
        try {
            CodeSource source = FactorialSums.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                return Path.of(source.getLocation().toURI()) + File.pathSeparator + classPath;
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // keep java.class.path alone
        }
        return classPath;
    }

    /** The child JVM's entry point: prints sumOfFactorials(args[0]). */
    public static final class ChildMain {

        private ChildMain() {
        }

        public static void main(String[] args) {
            System.out.println(sumOfFactorials(Integer.parseInt(args[0])));
        }
    }
}
