// HOSTILE FIXTURE: for an empty input, reads the hidden tests' jar from the class path (refused at run time: a file
// outside the learner's temporary folder).

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

class FactorialSums {
    public static List<BigInteger> computeAll(List<Integer> ns) {
        if (ns != null && ns.isEmpty()) {
            // Hostile on purpose: the hidden tests' class files, to learn what they check.
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (entry.contains("hidden")) {
                    try {
                        System.out.println("read " + Files.readAllBytes(Path.of(entry)).length + " bytes of " + entry);
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
