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
}
