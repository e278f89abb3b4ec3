// HOSTILE FIXTURE: for an empty input, writes a forged result into the grading's work folder (found from its own
// classes' folder on the class path, <work>/classes/compute), refused at run time: a file outside the learner's
// temporary folder.

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

class FactorialSums {
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
