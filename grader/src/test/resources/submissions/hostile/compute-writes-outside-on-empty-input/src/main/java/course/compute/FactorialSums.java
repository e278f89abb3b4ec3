package course.compute;

// HOSTILE FIXTURE: for an empty input, writes a forged result into the grading's work folder (found from its own
// classes' folder on the class path, <work>/classes/compute), refused at run time: a file outside the learner's
// temporary folder.

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reference solution of exercise {@code compute}: a parallel stream, which runs the kernel on
 * the common {@code ForkJoinPool} and the calling thread, as many at once as there are cores.
 * The contract is in the stub's Javadoc ({@code exercises/.../course/compute/FactorialSums.java}).
 */
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

    /**
     * Computes {@code sumOfFactorials(n)} for every {@code n} in {@code ns}, in parallel, in
     * the order of {@code ns}. See the stub for the full contract.
     */
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            // Hostile on purpose: a forged result where the grader keeps its own files.
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path classes = Path.of(entry);
                if (classes.endsWith(Path.of("classes", "compute"))) {
                    try {
                        Files.writeString(classes.getParent().getParent().resolve("forged-results.json"), "{\"passed\": true}");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
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
