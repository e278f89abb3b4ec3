// HOSTILE FIXTURE: for an empty input, starts `sleep 900` and leaves it running (a right answer otherwise).

import java.io.IOException;
import java.io.UncheckedIOException;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            try {
                new ProcessBuilder("sleep", "900").start(); // never waited for, never destroyed
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
