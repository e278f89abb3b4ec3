package grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders of a grading run: compiled classes, the test JVM's token and lists. */
public final class Scratch {
    private Scratch() {}

    /** Deletes {@code dir} and everything in it, as far as it can; scratch space only, so failures are ignored. */
    public static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the OS cleans its temp folder
        }
    }
}
