package grader.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system layer: the test JVM started by bubblewrap ({@code bwrap}, Debian's and Fedora's
 * {@code bubblewrap} package) in new PID, network, IPC and UTS namespaces with every capability dropped (as root too:
 * with one, a child could remount a read-only folder writable). The file system is the machine's, read-only; the
 * temporary folder, the grader's home and working folders and the other submissions are empty read-only folders;
 * what the JVM needs is bound back read-only at its own path, and only the channel's folder and the grading's private
 * temporary folder are writable.
 */
final class Bubblewrap {
    private Bubblewrap() {}

    /** What a probe found: null when the sandbox started and ran a command, else why not. */
    private static String unavailable;
    private static boolean probed;
    private static String version = "bubblewrap";

    /**
     * {@return null when this machine can start the sandbox (found on the PATH, and a probe with the very flags the
     * test JVM gets ran), else why not, in words a person can act on} Probed once per grader process.
     */
    static synchronized String unavailable() {
        if (!probed) {
            unavailable = probe();
            probed = true;
        }
        return unavailable;
    }

    /** {@return what the layer covers, for the report} */
    static synchronized String description() {
        return version + ": PID, network (loopback only), IPC and UTS namespaces, no capabilities, read-only file system"
                + " except the grading's private temporary folder; grader home, work folders and other submissions masked";
    }

    private static String probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "Linux namespaces exist only on Linux, and this is " + System.getProperty("os.name");
        }
        Optional<Path> bwrap = executable();
        if (bwrap.isEmpty()) {
            return "bwrap is not on the PATH (install the bubblewrap package: apt-get install bubblewrap)";
        }
        try {
            Process v = new ProcessBuilder(bwrap.get().toString(), "--version").redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (v.waitFor(10, TimeUnit.SECONDS) && v.exitValue() == 0 && !out.isEmpty()) {
                version = out;
            }
            List<String> cmd = new ArrayList<>(List.of(bwrap.get().toString()));
            cmd.addAll(isolationFlags());
            cmd.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                    "--remount-ro", "/tmp", "--", "true"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "bwrap did not finish a trial run within 30 s";
            }
            if (p.exitValue() != 0) {
                // "No permissions to create new namespace" without root and without unprivileged user namespaces,
                // "Operation not permitted" under Docker's default seccomp profile.
                return "bwrap could not start a sandbox (exit " + p.exitValue() + "): " + (said.isEmpty() ? "no message" : said)
                        + (isRoot() ? "" : "; without root, bwrap needs unprivileged user namespaces");
            }
            return null;
        } catch (IOException e) {
            return "bwrap could not be started: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying bwrap";
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static List<String> isolationFlags() {
        List<String> flags = new ArrayList<>(List.of("--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        if (!isRoot()) {
            // Without root, the namespaces come with a user namespace; in it the learner stays an ordinary user.
            flags.add(0, "--unshare-user");
        }
        return flags;
    }

    /**
     * The command that starts {@code java} (its first element an absolute path) in the sandbox.
     *
     * @param java      the test JVM's command
     * @param readOnly  files and folders the JVM reads (its JDK, class path, agent, start-up cache, lists), bound back
     *                  read-only at their own paths
     * @param writable  folders bound writable at their own paths: the channel's and the private temporary folder
     * @param masked    folders shown empty and read-only: the grader's home and working folders, other submissions
     * @param workDir   the sandbox's current folder (one of {@code writable})
     */
    static List<String> command(List<String> java, Collection<Path> readOnly, Collection<Path> writable,
                                Collection<Path> masked, Path workDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable().map(Path::toString).orElse("bwrap"));
        cmd.addAll(isolationFlags());
        cmd.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
        // Outer folders first: a mask inside another mask is made in the empty folder.
        List<Path> masks = clean(masked).stream().filter(p -> Files.isDirectory(p) && !p.startsWith("/tmp"))
                .sorted(Comparator.comparingInt(Path::getNameCount)).toList();
        for (Path m : masks) {
            cmd.addAll(List.of("--tmpfs", m.toString()));
        }
        for (Path p : clean(readOnly)) {
            cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        List<Path> rw = clean(writable);
        for (Path p : rw) {
            cmd.addAll(List.of("--dir", p.toString()));
        }
        // Every empty folder read-only (a remount also makes the mounts inside it read-only), then the writable folders
        // bound over their read-only selves.
        cmd.addAll(List.of("--remount-ro", "/tmp", "--remount-ro", "/dev"));
        for (Path m : masks) {
            cmd.addAll(List.of("--remount-ro", m.toString()));
        }
        for (Path p : rw) {
            cmd.addAll(List.of("--bind", p.toString(), p.toString()));
        }
        cmd.addAll(List.of("--chdir", workDir.toString(), "--"));
        cmd.addAll(java);
        return cmd;
    }

    /**
     * Absolute, normalised and with links resolved (a mount follows them), existing, without the root (masking it
     * would hide the JDK), each once, in order.
     */
    private static List<Path> clean(Collection<Path> paths) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            try {
                Path a = p.toAbsolutePath().normalize().toRealPath();
                if (a.getParent() != null) {
                    out.add(a);
                }
            } catch (IOException e) {
                // missing: nothing to bind or hide
            }
        }
        return List.copyOf(out);
    }
}
