package grader.verdict.statics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A static finding says, in the grader's words, which call was found and on which line of the learner's code. */
class StaticRulesTest {
    static final String SOURCE = """
            package course.fetch;

            import java.util.concurrent.Executors;

            public final class StatusFetcher {
                public static void fetchAll() {
                    Runnable r = () -> Thread.ofVirtual().start(() -> { });
                    r.run();
                    Executors.newCachedThreadPool().close();
                }
            }
            """;

    @Test
    void aViolationNamesTheCallAndTheLearnersMethodAndLineWithoutArchUnitsText(@TempDir Path tmp) throws IOException {
        Path classes = compile(tmp);
        List<StaticFinding> findings = StaticRules.check(classes, List.of("no-virtual-threads", "no-cached-thread-pool", "no-thread-run"));
        assertAll(
                () -> assertEquals(List.of("calls Thread.ofVirtual() at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:7) (in a lambda)"),
                        findings.get(0).violations()),
                () -> assertEquals(List.of("calls Executors.newCachedThreadPool() at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:9)"),
                        findings.get(1).violations()),
                () -> assertTrue(findings.get(2).passed(), "Runnable.run() is not Thread.run()"),
                () -> assertEquals("no virtual threads for CPU-bound work", findings.get(0).description()),
                () -> assertTrue(findings.get(0).because().startsWith("virtual threads are for tasks that wait"), findings.get(0).because()));
    }

    private static Path compile(Path tmp) throws IOException {
        Path src = tmp.resolve("src/course/fetch/StatusFetcher.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path out = Files.createDirectories(tmp.resolve("classes"));
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertEquals(0, code, "the sample compiles");
        return out;
    }
}
