// HOSTILE FIXTURE: a right solution that sleeps in a loop on every input and swallows every interrupt.

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        while (ns != null) { // hostile on purpose: never leaves the loop
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // swallowed: the interrupt is lost and the loop goes on
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
