package grader.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertNotEquals(key, StartupCache.key(agent, grader), "a rebuilt grader.jar needs a new cache");
    }

    @Test
    void everyTestJvmStartChecksTheFilesAndStartsWithoutTheCacheOnceOneChanged(@TempDir Path dir) throws IOException {
        StartupCache.Ready ready = cacheIn(dir);
        TestJvm.Request request = new TestJvm.Request(dir.resolve("grader-agent.jar"), List.of(), List.of(dir.resolve("grader.jar")),
                java.util.Set.of(), List.of("course.XTest"), 6, List.of(), java.time.Duration.ofSeconds(60),
                java.time.Duration.ofSeconds(600), dir, 1024, grader.values.Limits.DEFAULT, List.of(), java.util.Optional.of(ready), null, null);

        List<String> first = TestJvm.command(request, dir.resolve("s"), dir.resolve("t"), dir.resolve("l"));
        assertTrue(first.contains("-XX:SharedArchiveFile=" + dir.resolve(StartupCache.ARCHIVE)), first::toString);
        assertTrue(first.stream().anyMatch(a -> a.endsWith(";" + ready.agentOption())), first::toString);

        Files.writeString(dir.resolve(StartupCache.ARCHIVE), "changed by the last test JVM");
        List<String> restart = TestJvm.command(request, dir.resolve("s"), dir.resolve("t"), dir.resolve("l"));
        assertFalse(restart.stream().anyMatch(a -> a.contains(dir.toString() + "/" + StartupCache.ARCHIVE)
                || a.contains("jdkcache=") || a.startsWith("-Xbootclasspath")), restart::toString);
    }

    /** A cache whose files were hashed at {@code dir}, each holding its own name. */
    private static StartupCache.Ready cacheIn(Path dir) throws IOException {
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        for (String file : StartupCache.FILES) {
            hashes.put(file, StartupCache.sha256(Files.writeString(dir.resolve(file), file)));
        }
        return new StartupCache.Ready(dir.resolve("grader-agent.jar"), dir, hashes);
    }

    private static long changeTimeMillis(Path file) throws IOException {
        return ((java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime")).toMillis();
    }

    @Test
    void aFileSeenIntactIsNotHashedAgainUntilItsInodeSizeOrTimesChange(@TempDir Path dir) throws IOException {
        StartupCache.Ready ready = cacheIn(dir);
        Path archive = dir.resolve(StartupCache.ARCHIVE);
        StartupCache.Verified verified = new StartupCache.Verified();
        long aMinuteLater = changeTimeMillis(archive) + 60_000;
        assertTrue(verified.intact(ready, aMinuteLater));
        assertEquals(ready.hashes().get(StartupCache.ARCHIVE),
                verified.seen(archive).map(StartupCache.Seen::sha256).orElse(null),
                "a settled file whose hash matched is remembered with that hash");

        // Same size, other bytes, put in place by a rename (as a tool that writes a temporary file and moves it over
        // does), and its modification time set back: a new inode all the same.
        Path forged = Files.writeString(dir.resolve("forged"), "TEST-JVM.JSA");
        Files.setLastModifiedTime(forged, Files.getLastModifiedTime(archive));
        Files.move(forged, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertFalse(verified.intact(ready, aMinuteLater));
    }

    @Test
    void aFileWhoseLastChangeHasNotSettledIsHashedAtEveryCheck(@TempDir Path dir) throws IOException {
        StartupCache.Ready ready = cacheIn(dir);
        Path archive = dir.resolve(StartupCache.ARCHIVE);
        StartupCache.Verified verified = new StartupCache.Verified();
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(archive);
        // Checked at the moment of its last change: not remembered, so the same-size write below is hashed and caught
        // whether or not it kept the change time's tick.
        long changed = changeTimeMillis(archive);
        assertTrue(verified.intact(ready, changed));
        assertTrue(verified.seen(archive).isEmpty());
        Files.writeString(archive, "TEST-JVM.JSA");
        Files.setLastModifiedTime(archive, modified);
        assertFalse(verified.intact(ready, changed));
    }

    @Test
    void afterATestJvmOutsideTheNamespacesEveryCheckHashesSoAWriteThroughAMappingIsCaught(@TempDir Path dir) throws IOException {
        StartupCache.Ready ready = cacheIn(dir);
        Path archive = dir.resolve(StartupCache.ARCHIVE);
        StartupCache.Verified verified = new StartupCache.Verified();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(archive,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.MappedByteBuffer mapped = channel.map(java.nio.channels.FileChannel.MapMode.READ_WRITE, 0, channel.size());
            mapped.put(0, mapped.get(0));
            long aMinuteLater = changeTimeMillis(archive) + 60_000;
            assertTrue(verified.intact(ready, aMinuteLater));
            assertTrue(verified.seen(archive).isPresent());

            // The jvm layer: a process the learner starts could hold such a mapping. A second write to a page already
            // dirty need not change any time the record compares, so from now on every file is hashed.
            verified.distrust();
            assertTrue(verified.seen(archive).isEmpty());
            mapped.put(0, (byte) 'T');
            assertFalse(verified.intact(ready, aMinuteLater));
            mapped.put(0, (byte) 't');
            assertTrue(verified.intact(ready, aMinuteLater));
            assertTrue(verified.seen(archive).isEmpty(), "nothing is remembered any more");
        }
    }
}
