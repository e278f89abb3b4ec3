package grader.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the grader's jars are: {@code grader.jar} (the test JVM's class path), {@code grader-agent.jar}
 * and, in a course pipeline or this repository, the hidden tests' jar. They sit side by side; the
 * system property {@code grader.home} names the folder, otherwise it is the folder of the running jar.
 */
public record GraderHome(Path graderJar, Path agentJar, Optional<Path> hiddenJar) {

    /** Finds the grader's jars, or says which one is missing and how to build it. */
    public static GraderHome locate() {
        Path dir;
        String prop = System.getProperty("grader.home");
        if (prop != null) {
            dir = Path.of(prop);
        } else {
            try {
                Path self = Path.of(GraderHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                dir = Files.isDirectory(self) ? self.getParent() : self.getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot tell where the grader runs from", e);
            }
        }
        Path grader = dir.resolve("grader.jar");
        Path agent = dir.resolve("grader-agent.jar");
        for (Path p : new Path[] {grader, agent}) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is missing: build the grader first (mvn -q package -DskipTests)"
                        + " or set -Dgrader.home to the folder that holds grader.jar and grader-agent.jar");
            }
        }
        return new GraderHome(grader, agent, findHidden(dir));
    }

    private static Optional<Path> findHidden(Path dir) {
        Path plain = dir.resolve("grader-hidden.jar");
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "grader-*-hidden.jar")) {
            for (Path p : jars) {
                return Optional.of(p);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
