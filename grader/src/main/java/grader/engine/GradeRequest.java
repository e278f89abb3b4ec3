package grader.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to grade, and how.
 *
 * @param submission       a folder laid out like {@code exercises/}: sources under {@code src/main/java}
 * @param exercises        exercise ids, in order (already checked to be known)
 * @param hiddenJar        the hidden tests to add, if any
 * @param activeProcessors the test JVM's {@code -XX:ActiveProcessorCount}
 * @param perTestTimeout   JUnit's per-test timeout, or null for the exercise specs' ({@code limits.perTestSeconds})
 * @param watchdog         the test JVM's whole budget
 * @param workDir          scratch space (compiled classes, the JVM's output)
 */
public record GradeRequest(Path submission, List<String> exercises, Optional<Path> hiddenJar, int activeProcessors,
                           Duration perTestTimeout, Duration watchdog, Path workDir) {
    public GradeRequest {
        exercises = List.copyOf(exercises);
    }

    /** {@return this request with {@code timeout} as its per-test timeout} */
    public GradeRequest withPerTestTimeout(Duration timeout) {
        return new GradeRequest(submission, exercises, hiddenJar, activeProcessors, timeout, watchdog, workDir);
    }
}
