// HOSTILE FIXTURE: a right solution that never returns, deaf to interrupts, for an empty input.

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            // Hostile on purpose: spins forever and ignores interrupts for this one input.
            long spins = 0;
            while (spins >= 0) {
                spins = (spins + 1) & Long.MAX_VALUE;
                Thread.interrupted();
            }
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
