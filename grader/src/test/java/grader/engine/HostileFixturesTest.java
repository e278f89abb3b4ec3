package grader.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hostile fixtures are graded for their labels by the hostile ITs, not by {@link LabelledSubmissionsIT} (which
 * leaves {@code hostile/} out so that no slow fixture is graded twice): so each one must be named by one of them, or
 * its labels would never be checked.
 */
class HostileFixturesTest {
    @Test
    void everyHostileFixtureIsGradedByAnIntegrationTest() throws IOException {
        Path hostile = GradingFixture.SUBMISSIONS.resolve(LabelledSubmissionsIT.GRADED_ELSEWHERE);
        StringBuilder its = new StringBuilder();
        try (Stream<Path> sources = Files.list(GradingFixture.REPO.resolve("grader/src/test/java/grader/engine"))) {
            for (Path it : sources.filter(p -> p.getFileName().toString().endsWith("IT.java")).sorted().toList()) {
                its.append(Files.readString(it));
            }
        }
        List<String> ungraded = new ArrayList<>();
        try (Stream<Path> fixtures = Files.list(hostile)) {
            fixtures.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(name -> !its.toString().contains("\"" + name + "\""))
                    .forEach(ungraded::add);
        }
        assertTrue(ungraded.isEmpty(), "hostile fixtures no IT in grader.engine grades (so their expected.json is never checked): "
                + ungraded + "; grade each with GradingFixture.gradeLabelled and assert asLabelled()");
    }
}
