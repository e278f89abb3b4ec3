// HOSTILE FIXTURE: a right solution that sleeps forever on every input (it heeds the interrupt).

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        try {
            Thread.sleep(Long.MAX_VALUE); // hostile on purpose: never returns by itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while sleeping");
        }
        List<Integer> values = List.copyOf(ns); // throws NullPointerException for null or a null element
        for (int n : values) {
            if (n < 0) {
                throw new IllegalArgumentException("ns must not contain a negative value, found " + n);
            }
        }
        // CPU-bound and free of side effects: exactly what parallel streams are for. The list
        // is ordered, so toList() keeps the input order whatever thread computed each sum.
        return values.parallelStream()
                .map(FactorialSums::sumOfFactorials)
                .toList();
    }
}
