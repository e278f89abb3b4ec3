package grader.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The jvm layer's clean-up. On Linux the test JVM starts through {@code setsid}, so it leads a session of its own
 * that every process it starts joins and keeps after its parent ends (a child re-parented to PID 1 too): at the end
 * the grader ends every process of that session, found in {@code /proc}. A process that leaves the session
 * ({@code setsid}, a double fork into a new session) escapes it: only the namespaces layer ends those. Elsewhere
 * (macOS, Windows) the grader ends the test JVM's descendants while the JVM still runs and when it ends; a child whose
 * parent already ended is out of reach there.
 */
final class Sessions {
    private Sessions() {}

    private static final Optional<Path> SETSID = find();

    /** {@return what the clean-up covers on this platform, for the report} */
    static String coverage() {
        return SETSID.isPresent()
                ? "the test JVM leads a session of its own; at the end every process still in it is ended, orphans"
                        + " included; a process that starts a new session (setsid) escapes"
                : "ends the test JVM's descendants; a child whose parent already ended escapes (no setsid on "
                        + System.getProperty("os.name") + ")";
    }

    /** {@return the command that starts {@code command} as the leader of a new session, or {@code command} itself} */
    static List<String> leading(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(SETSID.get().toString());
        cmd.addAll(command);
        return cmd;
    }

    /**
     * Ends every process of the session {@code leader} leads, the leader included, until none is left (one may start
     * another while it is being ended); nothing where the session can't be seen.
     */
    static void end(long leader) {
        if (SETSID.isEmpty()) {
            return;
        }
        long self = ProcessHandle.current().pid();
        for (int round = 0; round < 50; round++) {
            List<ProcessHandle> members = members(leader).stream().filter(p -> p.pid() != self).toList();
            if (members.isEmpty()) {
                return;
            }
            members.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : members) {
                try {
                    p.onExit().get(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the next round looks again
                }
            }
        }
    }

    /** {@return the live processes whose session id is {@code sid}, from {@code /proc/<pid>/stat}} */
    static List<ProcessHandle> members(long sid) {
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                Long session = session(p.resolve("stat"));
                if (session != null && session == sid) {
                    ProcessHandle.of(Long.parseLong(name)).ifPresent(found::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to end from here
        }
        return found;
    }

    /** The sixth field of {@code stat}; the second (the command's name, in parentheses) may hold spaces. */
    private static Long session(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] after = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // state ppid pgrp session
            return Long.parseLong(after[3]);
        } catch (IOException | RuntimeException e) {
            return null; // ended meanwhile
        }
    }

    private static Optional<Path> find() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") || !Files.isDirectory(Path.of("/proc"))) {
            return Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path + ":/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "setsid");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
