package grader.launch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox the test JVM runs in, as the staff guide's table describes it, tried with a shell in the very command
 * {@link Bubblewrap#command} builds. Skipped with the reason where bwrap can't start a sandbox, unless
 * {@code GRADER_REQUIRE_NAMESPACES} is set (CI sets it): then it fails.
 */
class BubblewrapTest {
    @Test
    void onlyTheWritableFolderIsWritableMasksAreEmptyNoCapabilityAndNoNetwork(@TempDir Path dir) throws Exception {
        String why = Bubblewrap.unavailable();
        if (why != null && System.getenv("GRADER_REQUIRE_NAMESPACES") != null) {
            fail("GRADER_REQUIRE_NAMESPACES is set, and " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path rw = Files.createDirectories(dir.resolve("rw"));
        Path mask = Files.createDirectories(dir.resolve("mask"));
        Files.writeString(ro.resolve("given"), "given");
        Files.writeString(mask.resolve("secret"), "secret");
        String script = String.join("\n",
                "echo x > " + rw + "/written && echo rw-writable",
                "echo x > " + ro + "/y 2>/dev/null || echo ro-refused",
                "cat " + ro + "/given; echo",
                "echo x > /tmp/z 2>/dev/null || echo tmp-refused",
                "echo x > /dev/shm/z 2>/dev/null || echo shm-refused",
                "[ -z \"$(ls -A " + mask + ")\" ] && echo mask-empty",
                "mount -o remount,rw,bind " + ro + " 2>/dev/null || echo remount-refused",
                "echo x > " + ro + "/y 2>/dev/null || echo ro-still-refused",
                "grep CapEff /proc/self/status",
                "(echo > /dev/tcp/10.1.2.3/80) 2>/dev/null || echo off-loopback-refused",
                "echo pid-$$");
        // The masked folder lies inside a folder bound back (the temporary folder), as the grader's folders do.
        List<String> cmd = Bubblewrap.command(List.of("/bin/bash", "-c", script), List.of(ro), List.of(rw),
                List.of(mask), rw);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        List<String> lines = out.lines().toList();
        assertAll(
                () -> assertEquals(0, p.exitValue(), out),
                () -> assertEquals("x", Files.readString(rw.resolve("written")).strip(), "written through to the host"),
                () -> assertTrue(lines.containsAll(List.of("rw-writable", "ro-refused", "given", "tmp-refused", "shm-refused",
                        "mask-empty", "remount-refused", "ro-still-refused", "off-loopback-refused")), out),
                () -> assertTrue(lines.contains("CapEff:\t0000000000000000"), out),
                () -> assertTrue(lines.stream().anyMatch(l -> l.matches("pid-[0-9]")), "a PID namespace of its own: " + out),
                () -> assertTrue(Files.notExists(ro.resolve("y")), "nothing written to the read-only folder"));
    }
}
