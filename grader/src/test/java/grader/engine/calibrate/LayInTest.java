package grader.engine.calibrate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Laying a fixture's fragments into the stubs: what goes where, the line map, and the errors that name the file. */
class LayInTest {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final Path SUBMISSIONS = REPO.resolve("grader/src/test/resources/submissions");

    static final String STUB = """
            package course.fetch;

            import java.util.List;

            /** The exercise. */
            public final class StatusFetcher {

                private StatusFetcher() {
                }

                /** Given: the kernel. */
                public static int given(int n) {
                    return n + 1;
                }

                /** The learner's method. */
                public static List<Integer> fetchAll(List<String> urls, int maxWorkers) {
                    throw new UnsupportedOperationException("TODO");
                }
            }
            """;

    @TempDir
    Path tmp;
    Path stubs;
    Path fixture;

    @BeforeEach
    void aStub() throws IOException {
        stubs = tmp.resolve("exercises");
        Path pkg = Files.createDirectories(stubs.resolve("src/main/java/course/fetch"));
        Files.writeString(pkg.resolve("StatusFetcher.java"), STUB);
        Files.writeString(pkg.resolve("package-info.java"), "/** Fetch. */\npackage course.fetch;\n");
        fixture = Files.createDirectories(tmp.resolve("fixture"));
    }

    LayIn.LaidIn layIn(String fragment) throws IOException {
        Files.writeString(fixture.resolve("StatusFetcher.java"), fragment);
        return LayIn.layIn(fixture, "fetch", stubs, tmp.resolve("out"));
    }

    String laidIn() throws IOException {
        return Files.readString(tmp.resolve("out/src/main/java/course/fetch/StatusFetcher.java"));
    }

    @Test
    void theBodyReplacesTheStubsAndAddedMembersAndImportsGoInWithTheirLines() throws IOException {
        LayIn.LaidIn laid = layIn("""
                // Wrong (sequential): one at a time.

                import java.util.ArrayList;
                import java.util.List;

                class StatusFetcher {
                    public static List<Integer> fetchAll(List<String> urls, int maxWorkers) {
                        List<Integer> out = new ArrayList<>();
                        for (String url : urls) {
                            out.add(status(url)); // the mistake
                        }
                        return out;
                    }

                    /** One request. */
                    private static int status(String url) {
                        return url.length();
                    }
                }
                """);
        String text = laidIn();
        List<String> lines = text.lines().toList();
        int mistake = laid.line("StatusFetcher.java", 10).orElseThrow();
        int helper = laid.line("StatusFetcher.java", 16).orElseThrow();
        assertAll(
                () -> assertTrue(text.startsWith("package course.fetch;\n\nimport java.util.List;\nimport java.util.ArrayList;\n"), text),
                () -> assertEquals(1, count(text, "import java.util.List;"), "an import the stub has is not repeated: " + text),
                () -> assertTrue(text.contains("/** Given: the kernel. */"), "the given code stays: " + text),
                () -> assertTrue(text.contains("    /** The learner's method. */\n    public static List<Integer> fetchAll(List<String> urls, int maxWorkers) {\n"
                        + "        List<Integer> out = new ArrayList<>();"), text),
                () -> assertFalse(text.contains("UnsupportedOperationException"), text),
                () -> assertFalse(text.contains("Wrong (sequential)"), "the fixture's description is not laid in: " + text),
                () -> assertEquals("            out.add(status(url)); // the mistake", lines.get(mistake - 1)),
                () -> assertEquals("    private static int status(String url) {", lines.get(helper - 1)),
                () -> assertEquals(Optional.of(10), laid.fragmentLine("StatusFetcher.java", mistake)),
                () -> assertTrue(text.contains("    /** One request. */\n    private static int status"), "comments above a member come along"),
                () -> assertTrue(text.endsWith("    }\n}\n"), "the class's closing brace on a line of its own: " + text),
                () -> assertEquals(Optional.empty(), laid.line("StatusFetcher.java", 1), "the description has no laid-in line"),
                () -> assertTrue(Files.isRegularFile(tmp.resolve("out/src/main/java/course/fetch/package-info.java")), "the stub's other files"));
        assertCompiles(tmp.resolve("out"));
    }

    @Test
    void aStubMethodWithAnotherHeaderIsAnErrorNamingTheFileAndLine() throws IOException {
        FixtureException e = assertThrows(FixtureException.class, () -> layIn("""
                class StatusFetcher {
                    public static List<Integer> fetchAll(List<String> urls) {
                        return List.of();
                    }
                }
                """));
        assertAll(
                () -> assertEquals(fixture.resolve("StatusFetcher.java"), e.file()),
                () -> assertTrue(e.getMessage().contains("line 2: `List<Integer> fetchAll(List<String> urls)` is not the stub's"
                        + " `List<Integer> fetchAll(List<String> urls, int maxWorkers)`"), e.getMessage()));
    }

    @Test
    void aFragmentThatDoesNotParseIsAnErrorWithItsLine() {
        FixtureException e = assertThrows(FixtureException.class, () -> layIn("class StatusFetcher {\n    void x() { int a = }\n}\n"));
        assertTrue(e.getMessage().contains("StatusFetcher.java: does not parse: line 2:"), e.getMessage());
    }

    @Test
    void aFragmentWithoutItsClassIsAnError() {
        FixtureException e = assertThrows(FixtureException.class, () -> layIn("class Other {\n}\n"));
        assertTrue(e.getMessage().contains("declares the members of `class StatusFetcher { ... }`; found none"), e.getMessage());
    }

    @Test
    void aFragmentWithNoStubIsAnErrorThatSaysHowToAddAClass() throws IOException {
        Files.writeString(fixture.resolve("Helper.java"), "class Helper {\n}\n");
        FixtureException e = assertThrows(FixtureException.class, () -> LayIn.layIn(fixture, "fetch", stubs, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("no stub") && e.getMessage().contains("package course.fetch;"), e.getMessage());
    }

    @Test
    void aFileWithAPackageIsCompleteAndCopiedAsItIsEvenIfItDoesNotCompile() throws IOException {
        String broken = "package course.fetch;\n\npublic final class StatusFetcher {\n    int x = \n}\n";
        Files.writeString(fixture.resolve("StatusFetcher.java"), broken);
        String helper = "package course.fetch.util;\n\npublic class Helper {}\n";
        Files.writeString(fixture.resolve("Helper.java"), helper);
        LayIn.LaidIn laid = LayIn.layIn(fixture, "fetch", stubs, tmp.resolve("out"));
        assertAll(
                () -> assertEquals(broken, laidIn()),
                () -> assertEquals(helper, Files.readString(tmp.resolve("out/src/main/java/course/fetch/util/Helper.java"))),
                () -> assertEquals(Optional.of(4), laid.line("StatusFetcher.java", 4)));
    }

    static Stream<Named<Calibration.Fixture>> fixtures() {
        return Calibration.find(SUBMISSIONS).stream().map(f -> Named.of(f.name(), f));
    }

    @Test
    void aFileUnderSrcIsCopiedToTheSamePathWhateverItsPackage() throws IOException {
        String elsewhere = "package org.junit.jupiter.api;\n\npublic final class Assertions {}\n";
        Path file = fixture.resolve("src/main/java/course/fetch/Assertions.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, elsewhere);
        LayIn.LaidIn laid = LayIn.layIn(fixture, "fetch", stubs, tmp.resolve("out"));
        assertAll(
                () -> assertEquals(elsewhere, Files.readString(tmp.resolve("out/src/main/java/course/fetch/Assertions.java"))),
                () -> assertFalse(Files.exists(tmp.resolve("out/src/main/java/org")), "not moved to the folder of its package"),
                () -> assertEquals(STUB, laidIn(), "the stub class is graded as shipped"),
                () -> assertEquals(Optional.of(3), laid.line("Assertions.java", 3)));
    }

    /** Every labelled fixture lays into the shipped stubs and compiles (but one labelled compile-error), without grading it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureLaysIntoTheShippedStubsAndCompiles(Calibration.Fixture fixture) throws IOException {
        Path out = tmp.resolve("laid");
        Calibration.layIn(fixture, REPO.resolve("exercises"), out);
        if (!fixture.expected().flaws().contains("compile-error")) {
            assertCompiles(out);
        }
    }

    static void assertCompiles(Path submission) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", submission.resolve("classes").toString(), "--release", "21", "-proc:none", "-nowarn",
                "-Xlint:none"));
        try (Stream<Path> files = Files.walk(submission.resolve("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = javac.run(null, err, err, args.toArray(String[]::new));
        assertEquals(0, code, () -> "compiles: " + err.toString(StandardCharsets.UTF_8));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
