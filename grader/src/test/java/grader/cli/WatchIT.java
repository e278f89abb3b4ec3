package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code java -jar grader.jar watch}, as a learner keeps it open: saving one exercise's file grades that
 * exercise and no other, and an interrupt (what Ctrl-C sends) leaves no process running, not even the test JVM of a
 * grading in progress. Every wait is on the watcher's own output or on the processes themselves; the bound on each
 * wait only keeps a broken watcher from hanging the build.
 */
class WatchIT {
    static final Path HOME = Path.of(System.getProperty("grader.home", "target"));
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    /** Generous: one grading on a loaded two-core machine. Not a measure of anything. */
    static final long BOUND_SECONDS = 600;

    @Test
    void savingAFileGradesOnlyItsExerciseAndAnInterruptLeavesNothingRunning(@TempDir Path tmp) throws Exception {
        Path learner = tmp.resolve("exercises");
        copyTree(REPO.resolve("exercises/src/main/java"), learner.resolve("src/main/java"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process watch = new ProcessBuilder(java, "-jar", HOME.resolve("grader.jar").toString(), "watch", learner.toString(),
                "--exercise", "fetch,compute", "--no-hidden", "--report-dir", tmp.resolve("report").toString())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the watcher is gone; the waits below say so
            }
            lines.add("<end of output>");
        });
        List<String> seen = new ArrayList<>();
        Set<ProcessHandle> started = new LinkedHashSet<>();
        try {
            awaitLine(lines, seen, l -> l.startsWith(WatchCommand.WATCHING));
            seen.clear();

            // One save of fetch's file: fetch is graded, compute is not.
            append(learner.resolve("src/main/java/course/fetch/StatusFetcher.java"), "\n// saved once\n");
            awaitLine(lines, seen, l -> l.startsWith(WatchCommand.WATCHING));
            List<String> graded = List.copyOf(seen);
            seen.clear();
            assertAll(
                    () -> assertTrue(graded.contains("saved: course/fetch/StatusFetcher.java; grading fetch"), graded::toString),
                    () -> assertTrue(graded.stream().anyMatch(l -> l.matches("fetch\\s+0/15\\s+functional.*")), graded::toString),
                    () -> assertFalse(graded.stream().anyMatch(l -> l.startsWith("compute")), "compute was not saved: " + graded),
                    () -> assertTrue(graded.stream().anyMatch(l -> l.startsWith("Not full marks yet: fetch 0/15 (report: ")), graded::toString));

            // A save of compute's file, interrupted while its test JVM runs.
            append(learner.resolve("src/main/java/course/compute/FactorialSums.java"), "\n// saved once\n");
            awaitLine(lines, seen, l -> l.equals("saved: course/compute/FactorialSums.java; grading compute"));
            while (started.isEmpty() && watch.isAlive() && lines.stream().noneMatch(l -> l.startsWith(WatchCommand.WATCHING))) {
                // A probe of the process tree, not a timed wait: the grading starts its test JVM when it is ready.
                watch.descendants().forEach(started::add);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            watch.descendants().forEach(started::add);
            assertFalse(started.isEmpty(), "a test JVM was running when the interrupt came: " + seen);
            String signal = interruptIgnored() ? "-TERM" : "-INT";
            new ProcessBuilder("kill", signal, Long.toString(watch.pid())).inheritIO().start().waitFor();
            assertTrue(watch.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the watcher ended on kill " + signal);
            List<ProcessHandle> left = started.stream().filter(ProcessHandle::isAlive).toList();
            assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                    "processes the watcher started are still running");
        } finally {
            watch.descendants().forEach(ProcessHandle::destroyForcibly);
            started.forEach(ProcessHandle::destroyForcibly);
            watch.destroyForcibly();
        }
    }

    private static void awaitLine(BlockingQueue<String> lines, List<String> seen, Predicate<String> wanted) throws InterruptedException {
        while (true) {
            String line = lines.poll(BOUND_SECONDS, TimeUnit.SECONDS);
            if (line == null || line.equals("<end of output>")) {
                fail("the watcher never printed the line waited for; it printed: " + seen);
            }
            seen.add(line);
            if (wanted.test(line)) {
                return;
            }
        }
    }

    /**
     * Whether this JVM, and so the watcher it starts, inherited SIGINT as ignored: a command started in the background
     * by a non-interactive shell ({@code mvn verify &}, {@code nohup}) does, and a JVM keeps an ignored SIGINT ignored.
     * Ctrl-C could not reach the watcher then, so the test sends what a CI cancel sends, SIGTERM: the JVM's shutdown
     * (and so the watcher's stop) is the same for both.
     */
    private static boolean interruptIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & (1L << (2 - 1))) != 0);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
