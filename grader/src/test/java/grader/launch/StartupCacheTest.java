package grader.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {
    @Test
    void theClassListKeepsClassesAndLambdaFormsButNotTheTrainingRunsResolvedEntries(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("classes.lst");
        Files.write(list, List.of(
                "java/lang/Object id: 0",
                "java/lang/Thread id: 1",
                "@cp java/lang/Thread 2 12 16",
                "@lambda-proxy java/lang/Thread run ()Ljava/lang/Runnable; ()V REF_invokeStatic java/lang/Thread lambda$0 ()V ()V",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                "grader/agent/GraderAgent id: 2"));
        StartupCache.keepClassesOnly(list);
        assertEquals(List.of("java/lang/Object id: 0", "java/lang/Thread id: 1",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                "grader/agent/GraderAgent id: 2"), Files.readAllLines(list));
    }

    @Test
    void theFolderDependsOnTheJarsAndTheirTimes(@TempDir Path dir) throws IOException {
        Path agent = Files.writeString(dir.resolve("grader-agent.jar"), "a");
        Path grader = Files.writeString(dir.resolve("grader.jar"), "g");
        String key = StartupCache.key(agent, grader);
        assertEquals(key, StartupCache.key(agent, grader));
        Files.setLastModifiedTime(grader, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(grader).toMillis() - 60_000));
        org.junit.jupiter.api.Assertions.assertNotEquals(key, StartupCache.key(agent, grader), "a rebuilt grader.jar needs a new cache");
    }

    @Test
    void everyTestJvmStartChecksTheFilesAndStartsWithoutTheCacheOnceOneChanged(@TempDir Path dir) throws IOException {
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        for (String file : StartupCache.FILES) {
            hashes.put(file, StartupCache.sha256(Files.writeString(dir.resolve(file), file)));
        }
        StartupCache.Ready ready = new StartupCache.Ready(dir.resolve("grader-agent.jar"), dir, hashes);
        TestJvm.Request request = new TestJvm.Request(dir.resolve("grader-agent.jar"), List.of(), List.of(dir.resolve("grader.jar")),
                java.util.Set.of(), List.of("course.XTest"), 6, List.of(), java.time.Duration.ofSeconds(60),
                java.time.Duration.ofSeconds(600), dir, 1024, grader.values.Limits.DEFAULT, List.of(), java.util.Optional.of(ready), null, null);

        List<String> first = TestJvm.command(request, dir.resolve("s"), dir.resolve("t"), dir.resolve("l"));
        org.junit.jupiter.api.Assertions.assertTrue(first.contains("-XX:SharedArchiveFile=" + dir.resolve(StartupCache.ARCHIVE)), first::toString);
        org.junit.jupiter.api.Assertions.assertTrue(first.stream().anyMatch(a -> a.endsWith(";" + ready.agentOption())), first::toString);

        Files.writeString(dir.resolve(StartupCache.ARCHIVE), "changed by the last test JVM");
        List<String> restart = TestJvm.command(request, dir.resolve("s"), dir.resolve("t"), dir.resolve("l"));
        org.junit.jupiter.api.Assertions.assertFalse(restart.stream().anyMatch(a -> a.contains(dir.toString() + "/" + StartupCache.ARCHIVE)
                || a.contains("jdkcache=") || a.startsWith("-Xbootclasspath")), restart::toString);
    }
}
