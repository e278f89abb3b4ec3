// Right: a ForkJoinPool of our own with parallelism availableProcessors(), running a
// RecursiveAction that splits the indices in halves down to one value per task (work
// stealing balances the uneven costs); the pool is closed before returning.

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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
