// HOSTILE FIXTURE: for an empty input, a shell starts `setsid sleep 902` in the background and ends: the sleep leads a session of its own, re-parented away from the test JVM.

import java.io.IOException;
import java.io.UncheckedIOException;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            try {
                new ProcessBuilder("sh", "-c", "setsid sleep 902 >/dev/null 2>&1 < /dev/null &").start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
