package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** autograder.zip: the scripts, executable, beside the jars, all at the root. */
class GradescopeAutograderTest {

    static List<Path> fakeJars(Path dir, boolean hidden) throws IOException {
        Path grader = Files.writeString(dir.resolve("grader.jar"), "grader");
        Path agent = Files.writeString(dir.resolve("grader-agent.jar"), "agent");
        Optional<Path> h = hidden ? Optional.of(Files.writeString(dir.resolve("grader-0.1.0-SNAPSHOT-hidden.jar"), "hidden")) : Optional.empty();
        return GradescopeAutograder.jars(grader, agent, h);
    }

    static FileSystem open(Path zip) throws IOException {
        return FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
    }

    @Test
    void theZipHoldsTheScriptsAndTheJarsAtItsRoot(@TempDir Path dir) throws IOException {
        GradescopeAutograder.Written w = GradescopeAutograder.write(fakeJars(dir, true), List.of(), dir.resolve("out"));
        try (FileSystem zip = open(w.zip()); Stream<Path> root = Files.list(zip.getPath("/"))) {
            List<String> names = root.map(p -> p.getFileName().toString()).sorted().toList();
            assertAll(
                    () -> assertEquals(dir.resolve("out/autograder.zip"), w.zip()),
                    () -> assertEquals(List.of("grader-0.1.0-SNAPSHOT-hidden.jar", "grader-agent.jar", "grader.jar", "run_autograder", "setup.sh"), names),
                    () -> assertEquals(List.of("setup.sh", "run_autograder", "grader.jar", "grader-agent.jar", "grader-0.1.0-SNAPSHOT-hidden.jar"),
                            w.entries()),
                    () -> assertEquals("hidden", Files.readString(zip.getPath("grader-0.1.0-SNAPSHOT-hidden.jar"))));
        }
    }

    @Test
    void theScriptsAreExecutableAndAreTheGradersOwn(@TempDir Path dir) throws IOException {
        Path zip = GradescopeAutograder.write(fakeJars(dir, false), List.of(), dir).zip();
        try (FileSystem fs = open(zip)) {
            for (String script : GradescopeAutograder.SCRIPTS) {
                byte[] resource;
                try (InputStream in = GradescopeAutograder.script(script)) {
                    resource = in.readAllBytes();
                }
                assertAll(script,
                        () -> assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath(script)))),
                        () -> assertArrayEquals(resource, Files.readAllBytes(fs.getPath(script))),
                        () -> assertTrue(new String(resource, StandardCharsets.UTF_8).startsWith("#!/usr/bin/env bash\n")));
            }
        }
    }

    @Test
    void withoutHiddenTestsOnlyTheGraderAndItsAgentAreCarried(@TempDir Path dir) throws IOException {
        assertEquals(List.of("setup.sh", "run_autograder", "grader.jar", "grader-agent.jar"),
                GradescopeAutograder.write(fakeJars(dir, false), List.of(), dir).entries());
    }

    @Test
    void writingAgainReplacesTheZip(@TempDir Path dir) throws IOException {
        GradescopeAutograder.write(fakeJars(dir, true), List.of(), dir.resolve("out"));
        Path zip = GradescopeAutograder.write(fakeJars(dir, false), List.of(), dir.resolve("out")).zip();
        try (FileSystem fs = open(zip); Stream<Path> root = Files.list(fs.getPath("/"))) {
            assertEquals(4, root.count());
        }
        try (Stream<Path> out = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("autograder.zip"), out.map(p -> p.getFileName().toString()).toList(), "no temporary file left behind");
        }
    }

    @Test
    void optionsForEveryGradingGoIntoOneLineThatRunAutograderReads(@TempDir Path dir) throws IOException {
        GradescopeAutograder.Written w = GradescopeAutograder.write(fakeJars(dir, false), List.of("--exercise", "fetch"), dir);
        try (FileSystem fs = open(w.zip())) {
            assertAll(
                    () -> assertEquals("--exercise fetch\n", Files.readString(fs.getPath("grader-options"))),
                    () -> assertTrue(w.entries().contains("grader-options")));
        }
        String script;
        try (InputStream in = GradescopeAutograder.script("run_autograder")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(script.contains("$SOURCE/grader-options"), "run_autograder reads the file");
    }

    @Test
    void anOptionWithWhiteSpaceIsRefusedBecauseTheScriptSplitsWords(@TempDir Path dir) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradescopeAutograder.write(fakeJars(dir, false), List.of("--exercise fetch"), dir));
    }
}
