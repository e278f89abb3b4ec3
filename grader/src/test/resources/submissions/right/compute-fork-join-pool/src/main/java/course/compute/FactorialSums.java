// Right: a ForkJoinPool of our own with parallelism availableProcessors(), running a
// RecursiveAction that splits the indices in halves down to one value per task (work
// stealing balances the uneven costs); the pool is closed before returning.
package course.compute;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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
        BigInteger[] sums = new BigInteger[values.size()];
        try (ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors())) {
            pool.invoke(new Sums(values, sums, 0, values.size()));
        }
        return Arrays.asList(sums);
    }

    /** Computes sums[i] = sumOfFactorials(values[i]) for from <= i < to. */
    @SuppressWarnings("serial") // never serialised
    private static final class Sums extends RecursiveAction {
        private final List<Integer> values;
        private final BigInteger[] sums;
        private final int from;
        private final int to;

        Sums(List<Integer> values, BigInteger[] sums, int from, int to) {
            this.values = values;
            this.sums = sums;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                sums[from] = sumOfFactorials(values.get(from));
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new Sums(values, sums, from, middle), new Sums(values, sums, middle, to));
        }
    }
}
