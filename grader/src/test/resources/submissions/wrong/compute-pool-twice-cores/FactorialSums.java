// Wrong (pool-size-off-cores): a pool of twice the cores; issue 11, class 6.

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
        if (values.isEmpty()) {
            return List.of();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * cores)) { // the mistake
            List<Future<BigInteger>> futures = new ArrayList<>(values.size());
            for (int n : values) {
                futures.add(pool.submit(() -> sumOfFactorials(n)));
            }
            return resultsInOrder(futures);
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
