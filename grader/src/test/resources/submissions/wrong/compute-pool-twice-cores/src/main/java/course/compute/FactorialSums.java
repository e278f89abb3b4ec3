// Wrong (pool-size-off-cores): a pool of twice the cores; issue 11, class 6.
package course.compute;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class FactorialSums {

    private FactorialSums() {
    }

    /**
     * Given: the grader watches calls to this method. Do not change it, and do not copy its
     * body elsewhere; call it.
     *
     * <p>Returns the sum of {@code i!} for {@code 0 <= i < n}, computed sequentially on the
     * calling thread: {@code 0! = 1}, so {@code n = 0} gives 0, {@code n = 1} gives 1,
     * {@code n = 2} gives 2 and {@code n = 5} gives 34 (1 + 1 + 2 + 6 + 24). It is Python's
     * {@code sum(math.factorial(i) for i in range(n))}.
     *
     * @param n how many factorials to add, from {@code 0!} to {@code (n - 1)!}; not negative
     * @return the sum of {@code i!} for {@code 0 <= i < n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static BigInteger sumOfFactorials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        BigInteger sum = BigInteger.ZERO;
        BigInteger factorial = BigInteger.ONE; // i! for the current i, starting at 0! = 1
        for (int i = 0; i < n; i++) {
            sum = sum.add(factorial);
            factorial = factorial.multiply(BigInteger.valueOf(i + 1));
        }
        return sum;
    }

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
