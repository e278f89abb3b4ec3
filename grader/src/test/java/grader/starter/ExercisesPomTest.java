package grader.starter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The course's exercises pom, made a module of the starter and otherwise kept as written. */
class ExercisesPomTest {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final ExercisesPom.Coordinates STARTER = new ExercisesPom.Coordinates("g.starter", "a-starter", "9");

    @Test
    void theRealExercisesPomGetsTheStarterAsParentAndGradingTurnedOn() throws Exception {
        Path pom = REPO.resolve("exercises/pom.xml");
        String original = Files.readString(pom);
        String adapted = ExercisesPom.adapt(original, pom, STARTER);
        assertAll(
                () -> assertTrue(adapted.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project"), adapted),
                () -> assertTrue(adapted.contains("""
                          <parent>
                            <groupId>g.starter</groupId>
                            <artifactId>a-starter</artifactId>
                            <version>9</version>
                          </parent>
                        """), adapted),
                () -> assertEquals(1, adapted.split("<learner.grade.skip>false</learner.grade.skip>", -1).length - 1,
                        "graded here, as in the course build (which already says so): " + adapted),
                () -> assertEquals("exercises", ExercisesPom.coordinatesOf(adapted).artifactId()),
                () -> assertTrue(adapted.contains(original.substring(original.indexOf("<project"), original.indexOf(">", original.indexOf("<project")) + 1)),
                        "the root tag keeps its line breaks"),
                () -> assertTrue(adapted.contains(original.substring(original.indexOf("  <dependencies>"))), "the rest is kept as written"));
    }

    @Test
    void existingPropertiesGetTheSwitchAmongThemAndTheRelativePathGoes() {
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <parent>
                        <groupId>x</groupId>
                        <artifactId>y</artifactId>
                        <version>1</version>
                        <relativePath>../build/pom.xml</relativePath>
                    </parent>
                    <artifactId>exercises</artifactId>
                    <properties>
                        <a>1</a>
                    </properties>
                </project>
                """;
        String adapted = ExercisesPom.adapt(pom, Path.of("pom.xml"), STARTER);
        assertAll(
                () -> assertTrue(adapted.contains("""
                            <properties>
                                <a>1</a>
                                <!-- The starter's root grades this module (and only this one). -->
                                <learner.grade.skip>false</learner.grade.skip>
                            </properties>
                        """), adapted),
                () -> assertFalse(adapted.contains("relativePath"), adapted),
                () -> assertFalse(adapted.contains("xmlns=\"\""), adapted));
    }
}
