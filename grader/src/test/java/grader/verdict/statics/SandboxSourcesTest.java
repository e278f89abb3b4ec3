package grader.verdict.statics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sandbox makes of a submission's source files, before anything is compiled. */
class SandboxSourcesTest {
    static final List<String> KNOWN = List.of("course.threads", "course.fetch", "course.compute", "course.lock", "course.crawl", "course.processes", "course.pipeline");

    @TempDir
    Path submission;

    void write(String path, String text) throws IOException {
        Path file = submission.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    List<String> messages(SandboxSources.Result r) {
        return r.violations().stream().map(SandboxViolation::message).toList();
    }

    @Test
    void theExercisesOwnFilesAndTheOtherExercisesAreNeitherIgnoredNorRefused() throws IOException {
        write("course/fetch/StatusFetcher.java", "/* a header */\npackage course.fetch;\nclass StatusFetcher {}\n");
        write("course/fetch/util/Pool.java", "@Deprecated\npackage course.fetch.util;\n");
        write("course/compute/FactorialSums.java", "package course.compute;\nclass FactorialSums {}\n");
        SandboxSources.Result r = SandboxSources.scan(submission, "course.fetch", KNOWN);
        assertAll(
                () -> assertEquals(List.of(), r.ignored()),
                () -> assertEquals(List.of(), messages(r)));
    }

    @Test
    void aFileOutsideEveryExerciseIsIgnoredAndRefusedOnlyInATrustedPackage() throws IOException {
        write("util/Helper.java", "package util;\nclass Helper {}\n");
        write("org/junit/jupiter/api/Assertions.java", "// shadow\n\npackage org.junit.jupiter.api;\nclass Assertions {}\n");
        write("x/Recorder.java", "package grader.probes;\nclass Recorder {}\n");
        SandboxSources.Result r = SandboxSources.scan(submission, "course.fetch", KNOWN);
        assertAll(
                () -> assertEquals(List.of(
                        "src/main/java/org/junit/jupiter/api/Assertions.java: ignored: not part of any exercise",
                        "src/main/java/util/Helper.java: ignored: not part of any exercise",
                        "src/main/java/x/Recorder.java: ignored: not part of any exercise"), r.ignored()),
                () -> assertEquals(List.of(
                        "no classes in the grader's or the test tools' packages: declares package org.junit.jupiter.api, which belongs to JUnit"
                                + " at src/main/java/org/junit/jupiter/api/Assertions.java:3",
                        "no classes in the grader's or the test tools' packages: declares package grader.probes, which belongs to the grader"
                                + " at src/main/java/x/Recorder.java:1"), messages(r)));
    }

    @Test
    void aFileInTheExercisesFolderMustDeclareItsPackageWhateverItHidesBehind() throws IOException {
        write("course/fetch/A.java", "// package course.fetch;\npackage org.opentest4j;\nclass A {}\n");
        write("course/fetch/B.java", "\\u0070ackage grader.hidden.fetch;\nclass B {}\n");
        write("course/fetch/C.java", "class C { String s = \"package course.fetch;\"; }\n");
        write("course/fetch/D.java", "package course.fetcher;\nclass D {}\n");
        SandboxSources.Result r = SandboxSources.scan(submission, "course.fetch", KNOWN);
        assertEquals(List.of(
                "every class in the exercise's package (course.fetch): declares package org.opentest4j at src/main/java/course/fetch/A.java:2",
                "every class in the exercise's package (course.fetch): declares package grader.hidden.fetch at src/main/java/course/fetch/B.java:1",
                "every class in the exercise's package (course.fetch): declares no package at src/main/java/course/fetch/C.java:1",
                "every class in the exercise's package (course.fetch): declares package course.fetcher at src/main/java/course/fetch/D.java:1"),
                messages(r));
    }

    @Test
    void unicodeEscapesAreTranslatedUnlessTheirBackslashIsEscapedAndCommentsKeepTheirLineBreaks() {
        assertAll(
                () -> assertEquals("package", SandboxSources.translateUnicodeEscapes("\\uuu0070ackage")),
                () -> assertEquals("\\\\u0070", SandboxSources.translateUnicodeEscapes("\\\\u0070")),
                () -> assertEquals("a   \n  b  ", SandboxSources.withoutCommentsAndLiterals("a/**\n*/b''")));
    }
}
