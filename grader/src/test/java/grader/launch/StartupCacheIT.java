package grader.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.probes.AgentFlags;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test JVM's start-up cache with the packaged jars: made once, taken by the agent and by the JVM's class-data
 * sharing, and never used once a file changed.
 */
class StartupCacheIT {
    private static Path agentJar;
    private static Path graderJar;

    @BeforeAll
    static void locateBuild() {
        Path home = Path.of(System.getProperty("grader.home", "target")).toAbsolutePath();
        agentJar = home.resolve("grader-agent.jar");
        graderJar = home.resolve("grader.jar");
        assertTrue(Files.isRegularFile(agentJar) && Files.isRegularFile(graderJar), "run `mvn package` first");
    }

    @Test
    void madeOnceThenTheTestJvmTakesTheJdkClassesFromItAndItsClassesFromTheArchive(@TempDir Path root) throws Exception {
        StartupCache.Ready ready = StartupCache.at(root).ready(agentJar, graderJar).orElseThrow(
                () -> new AssertionError("not made: " + failure(root)));
        for (String file : List.of(StartupCache.BOOT_JAR, StartupCache.JDK_CLASSES, StartupCache.ARCHIVE, StartupCache.HASHES)) {
            assertTrue(Files.isRegularFile(ready.dir().resolve(file)), file + " in " + ready.dir());
        }
        FileTime made = Files.getLastModifiedTime(ready.dir().resolve(StartupCache.ARCHIVE));

        // A second grader process finds it: same folder, nothing made again.
        StartupCache.Ready again = StartupCache.at(root).ready(agentJar, graderJar).orElseThrow();
        assertEquals(ready, again);
        assertEquals(made, Files.getLastModifiedTime(ready.dir().resolve(StartupCache.ARCHIVE)));

        Run run = warmup(ready, ready.agentOption(), "-Xlog:class+load=info");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("jdk classes: cache"), run.output());
        // The agent's classes come from the archive, and no Byte Buddy class is read from the jar.
        assertTrue(run.output().contains("grader.agent.GraderAgent source: shared objects file"), run.output());
        assertFalse(run.output().lines().anyMatch(l -> l.contains("grader.agent.shaded.bytebuddy")
                && !l.contains("source: shared objects file")), run.output());
        assertFalse(run.output().contains("warning"), run.output());
    }

    /** Inside the namespaces layer the cache is bound read-only at its own path, and used as outside. */
    @Test
    void theSandboxedTestJvmTakesItsClassesFromTheArchiveToo(@TempDir Path root) throws Exception {
        String why = Bubblewrap.unavailable();
        if (why != null && System.getenv("GRADER_REQUIRE_NAMESPACES") != null) {
            org.junit.jupiter.api.Assertions.fail("GRADER_REQUIRE_NAMESPACES is set, and " + why);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null, why);
        StartupCache.Ready ready = StartupCache.at(root).ready(agentJar, graderJar).orElseThrow(
                () -> new AssertionError("not made: " + failure(root)));
        Path tmp = Files.createDirectories(root.resolve("learner-tmp"));
        Run run = warmup(ready, ready.agentOption(), java -> Bubblewrap.command(java,
                List.of(Path.of(System.getProperty("java.home")), agentJar, graderJar, ready.dir()), List.of(tmp),
                List.of(Path.of(System.getProperty("user.home")), Path.of(System.getProperty("user.dir"))), tmp),
                "-Xlog:class+load=info", "-Djava.io.tmpdir=" + tmp);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("jdk classes: cache"), run.output());
        assertTrue(run.output().contains("grader.agent.GraderAgent source: shared objects file"), run.output());
        assertFalse(run.output().contains("warning"), run.output());
    }

    @Test
    void aFileChangedAfterItWasMadeIsNeverUsedAndTheNextGradingMakesItAgain(@TempDir Path root) throws Exception {
        StartupCache.Ready ready = StartupCache.at(root).ready(agentJar, graderJar).orElseThrow();
        assertTrue(StartupCache.intact(ready));
        Files.write(ready.dir().resolve(StartupCache.ARCHIVE), new byte[] {0}, StandardOpenOption.APPEND);
        assertFalse(StartupCache.intact(ready));
        assertEquals(Optional.empty(), StartupCache.at(root).ready(agentJar, graderJar));
        assertFalse(Files.exists(ready.dir()), "the changed cache is deleted");
        StartupCache.Ready remade = StartupCache.at(root).ready(agentJar, graderJar).orElseThrow();
        assertEquals(ready.dir(), remade.dir());
        assertTrue(StartupCache.intact(remade));
    }

    @Test
    void theAgentWeavesWithByteBuddyWhenTheJdkClassesAreNotTheOnesTheGraderHashed(@TempDir Path root) throws Exception {
        StartupCache.Ready ready = StartupCache.at(root).ready(agentJar, graderJar).orElseThrow();
        String wrongHash = "0".repeat(64);
        Run run = warmup(ready, "jdkcache=" + ready.dir().resolve(StartupCache.JDK_CLASSES) + "#" + wrongHash);
        assertEquals(0, run.exitCode(), run.output()); // the self-test passed: every probe fires
        assertTrue(run.output().contains("jdk classes: byte-buddy: " + ready.dir().resolve(StartupCache.JDK_CLASSES)
                + " changed after the grader hashed it"), run.output());
    }

    @Test
    void aCacheThatCannotBeMadeIsRecordedOnceAndGradingGoesOnWithout(@TempDir Path root, @TempDir Path jars) throws Exception {
        Path notAnAgent = jars.resolve("grader-agent.jar");
        try (JarOutputStream empty = new JarOutputStream(Files.newOutputStream(notAnAgent))) {
            empty.finish();
        }
        assertEquals(Optional.empty(), StartupCache.at(root).ready(notAnAgent, graderJar));
        Path failed = Files.list(root).findFirst().orElseThrow().resolve(StartupCache.FAILED);
        assertTrue(Files.readString(failed).contains("holds no grader/agent/boot/Events.class"), Files.readString(failed));
        FileTime first = Files.getLastModifiedTime(failed);
        assertEquals(Optional.empty(), StartupCache.at(root).ready(notAnAgent, graderJar));
        assertEquals(first, Files.getLastModifiedTime(failed), "tried again");
    }

    @Test
    void offAndAFolderWhosePathWouldBreakTheAgentArgumentMeanNoCache(@TempDir Path root) throws IOException {
        assertFalse(StartupCache.off().enabled());
        assertEquals(Optional.empty(), StartupCache.off().ready(agentJar, graderJar));
        Path semicolon = Files.createDirectories(root.resolve("a;b"));
        assertFalse(StartupCache.at(semicolon).enabled());
    }

    private record Run(int exitCode, String output) {}

    /** The training main, {@code agent-only}, started as {@link TestJvm} starts a test JVM with the cache. */
    private static Run warmup(StartupCache.Ready ready, String agentOption, String... flags) throws Exception {
        return warmup(ready, agentOption, java -> java, flags);
    }

    private static Run warmup(StartupCache.Ready ready, String agentOption,
                              java.util.function.UnaryOperator<List<String>> wrap, String... flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(AgentFlags.JVM_FLAGS);
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(flags));
        command.addAll(ready.jvmFlags());
        command.add("-javaagent:" + agentJar + "=threads=1000;" + agentOption);
        command.addAll(List.of("-cp", agentJar + File.pathSeparator + graderJar, "grader.launch.fork.Warmup", "agent-only"));
        command = wrap.apply(command);
        Path out = Files.createTempFile("startup-cache-it", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the JVM did not finish within 120 s: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String failure(Path root) {
        try (var dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve(StartupCache.FAILED)).filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    return e.toString();
                }
            }).findFirst().orElse("no failed.txt");
        } catch (IOException e) {
            return e.toString();
        }
    }
}
