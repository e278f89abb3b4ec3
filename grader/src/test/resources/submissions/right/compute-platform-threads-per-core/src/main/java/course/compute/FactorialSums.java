// Right: the work split over availableProcessors() platform threads started with the Thread API, each
// joined before the method returns.
package course.compute;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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
        int threads = Runtime.getRuntime().availableProcessors();
        BigInteger[] results = new BigInteger[values.size()];
        List<Thread> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            int first = w;
            // Worker w computes every threads-th value from w: the slices are as even as they can be.
            workers.add(Thread.ofPlatform().name("sums-" + w).start(() -> {
                for (int i = first; i < values.size(); i += threads) {
                    results[i] = sumOfFactorials(values.get(i));
                }
            }));
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers do not check interrupts: wait for them, keep the interrupt
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.of(results);
    }
}
