package grader.starter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the export writes, what it leaves out, and what it refuses, on a small repository of its own. */
class StarterExporterTest {
    static final String STUB = "package course.fetch;\nclass StatusFetcher { void f() { throw new UnsupportedOperationException(\"TODO\"); } }\n";
    static final String SOLUTION = "package course.fetch;\nclass StatusFetcher { void f() { } }\n";

    @TempDir
    Path tmp;
    Path repo;
    StarterExporter.Source source;

    @BeforeEach
    void aCourseRepositoryWithBuiltJars() throws IOException {
        repo = tmp.resolve("repo");
        write(repo.resolve("exercises/pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.concurrency.grader</groupId>
                    <artifactId>concurrency-grader-parent</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                  </parent>
                  <artifactId>exercises</artifactId>
                </project>
                """);
        write(repo.resolve("exercises/README.md"), "# exercises\n");
        write(repo.resolve("exercises/docs/fetch.md"), "# fetch\n");
        write(repo.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java"), STUB);
        write(repo.resolve("exercises/src/test/java/course/fetch/StatusFetcherTest.java"), "class StatusFetcherTest {}\n");
        write(repo.resolve("exercises/target/classes/course/fetch/StatusFetcher.class"), "build output");
        write(repo.resolve("exercises/.idea/workspace.xml"), "editor");
        write(repo.resolve("exercises/exercises.iml"), "editor");
        write(repo.resolve("solutions/src/main/java/course/fetch/StatusFetcher.java"), SOLUTION);
        write(repo.resolve("grader/src/test/resources/submissions/wrong/x/Sequential.java"), "wrong");
        Path home = repo.resolve("grader/target");
        write(home.resolve("grader.jar"), "engine");
        write(home.resolve("grader-agent.jar"), "agent");
        write(home.resolve("grader-0.1.0-SNAPSHOT-hidden.jar"), "hidden tests");
        source = new StarterExporter.Source(repo, home.resolve("grader.jar"), home.resolve("grader-agent.jar"));
    }

    @Test
    void writesTheExercisesTheTwoEngineJarsAPomAReadmeAndNothingElse() throws IOException {
        Path out = tmp.resolve("starter");
        StarterExporter.Exported exported = StarterExporter.export(source, out);
        assertAll(
                () -> assertEquals(List.of(".gitignore", "README.md", "exercises/README.md", "exercises/docs/fetch.md",
                        "exercises/pom.xml", "exercises/src/main/java/course/fetch/StatusFetcher.java",
                        "exercises/src/test/java/course/fetch/StatusFetcherTest.java", "lib/grader-agent.jar",
                        "lib/grader.jar", "pom.xml"), files(out)),
                () -> assertEquals(STUB, Files.readString(out.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java"))),
                () -> assertArrayEquals("engine".getBytes(), Files.readAllBytes(out.resolve("lib/grader.jar"))),
                () -> assertArrayEquals("agent".getBytes(), Files.readAllBytes(out.resolve("lib/grader-agent.jar"))),
                () -> assertTrue(Files.readString(out.resolve("README.md")).contains("mvn verify")),
                () -> assertEquals(out, exported.folder()),
                () -> assertEquals(List.of("exercises/", "lib/grader.jar", "lib/grader-agent.jar", "pom.xml", "README.md", ".gitignore"),
                        exported.items().stream().map(StarterExporter.Item::path).toList()),
                () -> assertEquals(5, exported.items().get(0).files()));
    }

    @Test
    void theExercisesPomBecomesAModuleOfTheStarter() throws IOException {
        Path out = tmp.resolve("starter");
        StarterExporter.export(source, out);
        String pom = Files.readString(out.resolve("exercises/pom.xml"));
        ExercisesPom.Coordinates root = ExercisesPom.coordinatesOf(Files.readString(out.resolve("pom.xml")));
        assertAll(
                () -> assertTrue(pom.contains("<artifactId>" + root.artifactId() + "</artifactId>"), pom),
                () -> assertFalse(pom.contains("concurrency-grader-parent"), pom),
                () -> assertTrue(pom.contains("<learner.grade.skip>false</learner.grade.skip>"), pom));
    }

    @Test
    void aWorkingCopyWithAnImplementedStubIsRefusedAndNothingIsWritten() throws IOException {
        Path stub = repo.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java");
        write(stub, "package course.fetch;\nclass StatusFetcher { void f() { System.out.println(\"mine\"); } }\n");
        Path out = tmp.resolve("starter");
        StarterException e = assertThrows(StarterException.class, () -> StarterExporter.export(source, out));
        assertAll(
                () -> assertTrue(e.getMessage().startsWith("exercises/src/main/java/course/fetch/StatusFetcher.java is not the stub as shipped"),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("git checkout -- exercises/src/main/java/course/fetch/StatusFetcher.java"), e.getMessage()),
                () -> assertEquals(stub, e.path()),
                () -> assertFalse(Files.exists(out), "nothing is written"));
    }

    @Test
    void anEmptyFolderIsAcceptable() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        StarterExporter.export(source, out);
        assertTrue(Files.isRegularFile(out.resolve("pom.xml")));
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws IOException {
        Path out = tmp.resolve("used");
        write(out.resolve("notes.txt"), "mine");
        StarterException e = assertThrows(StarterException.class, () -> StarterExporter.export(source, out));
        assertAll(
                () -> assertTrue(e.getMessage().contains("exists and is not empty"), e.getMessage()),
                () -> assertEquals(out, e.path()),
                () -> assertEquals(List.of("notes.txt"), files(out)));
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefused() throws IOException {
        Path out = write(tmp.resolve("starter"), "a file");
        assertThrows(StarterException.class, () -> StarterExporter.export(source, out));
    }

    @Test
    void aFolderWithoutExercisesIsNotTheCourseRepository() {
        StarterExporter.Source elsewhere = new StarterExporter.Source(tmp.resolve("nowhere"), source.graderJar(), source.agentJar());
        StarterException e = assertThrows(StarterException.class, () -> StarterExporter.export(elsewhere, tmp.resolve("starter")));
        assertAll(
                () -> assertTrue(e.getMessage().contains("has no exercises/pom.xml"), e.getMessage()),
                () -> assertFalse(Files.exists(tmp.resolve("starter"))));
    }

    @Test
    void aStubThatIsItsReferenceSolutionIsRefused() throws IOException {
        write(repo.resolve("exercises/src/main/java/course/fetch/StatusFetcher.java"), SOLUTION);
        StarterException e = assertThrows(StarterException.class, () -> StarterExporter.export(source, tmp.resolve("starter")));
        assertAll(
                () -> assertTrue(e.getMessage().contains("is the reference solution"), e.getMessage()),
                () -> assertFalse(Files.exists(tmp.resolve("starter"))));
    }

    @Test
    void codeTheExerciseGivesIsTheSameInTheSolutionsAndStillExported() throws IOException {
        String given = "package course.processes;\npublic record Job(String mainClass, java.util.List<String> args) {}\n";
        write(repo.resolve("exercises/src/main/java/course/processes/Job.java"), given);
        write(repo.resolve("solutions/src/main/java/course/processes/Job.java"), given);
        StarterExporter.export(source, tmp.resolve("starter"));
        assertEquals(given, Files.readString(tmp.resolve("starter/exercises/src/main/java/course/processes/Job.java")));
    }

    @Test
    void aFolderInsideTheExercisesIsRefused() {
        StarterException e = assertThrows(StarterException.class,
                () -> StarterExporter.export(source, repo.resolve("exercises/starter")));
        assertTrue(e.getMessage().contains("inside the exercises"), e.getMessage());
    }

    @Test
    void aMissingJarIsRefusedBeforeAnythingIsWritten() throws IOException {
        Files.delete(source.agentJar());
        StarterException e = assertThrows(StarterException.class, () -> StarterExporter.export(source, tmp.resolve("starter")));
        assertAll(
                () -> assertTrue(e.getMessage().contains("grader-agent.jar is missing"), e.getMessage()),
                () -> assertFalse(Files.exists(tmp.resolve("starter"))));
    }

    @Test
    void aFailureWhileWritingLeavesNothingBehind() throws IOException {
        write(repo.resolve("exercises/pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><artifactId>exercises</artifactId></project>");
        Path out = Files.createDirectories(tmp.resolve("empty"));
        StarterException e = assertThrows(StarterException.class, () -> StarterExporter.export(source, out));
        assertAll(
                () -> assertTrue(e.getMessage().contains("has no <parent>"), e.getMessage()),
                () -> assertEquals(List.of(), files(out)),
                () -> assertTrue(Files.isDirectory(out), "the empty folder it was given is still there"));
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
