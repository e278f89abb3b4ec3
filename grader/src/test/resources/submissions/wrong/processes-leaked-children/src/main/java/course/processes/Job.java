package course.processes;

import java.util.List;
import java.util.Objects;

/**
 * Given: one job to run in a child JVM, as {@code java -cp <this JVM's class path> mainClass args...}.
 *
 * @param mainClass the binary name of a class on this JVM's class path that has a {@code main} method
 * @param args      the arguments its {@code main} gets, in order
 */
public record Job(String mainClass, List<String> args) {
    public Job {
        Objects.requireNonNull(mainClass, "mainClass");
        args = List.copyOf(args);
    }
}
