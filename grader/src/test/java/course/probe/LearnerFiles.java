package course.probe;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.Stream;

/**
 * Stands for a learner's class in {@code AgentJarIT}'s file test (declared as the learner's by
 * {@code grader.agent.it.FileProbeMain}): uses its temporary folder, the JDK's files, and tries files outside. Prints one
 * line per attempt: its name and "ok" (with what it read) or the exception's class and message.
 */
public final class LearnerFiles {
    private LearnerFiles() {}

    /** @param outside a folder outside the temporary folder holding {@code secret.txt} */
    public static void run(Path outside) throws Exception {
        Path secret = outside.resolve("secret.txt");
        attempt("tmp-nio", () -> {
            Path file = Files.createTempFile("learner-", ".txt");
            Files.writeString(file, "mine");
            String read = Files.readString(file);
            try (Stream<Path> listed = Files.list(file.getParent())) {
                read += " " + listed.anyMatch(file::equals);
            }
            Files.delete(file);
            return read;
        });
        attempt("tmp-io", () -> {
            File file = File.createTempFile("learner-", ".txt");
            try (FileOutputStream out = new FileOutputStream(file)) {
                out.write("io".getBytes(StandardCharsets.UTF_8));
            }
            String read;
            try (FileInputStream in = new FileInputStream(file)) {
                read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
                read += raf.length();
            }
            return read + " " + file.exists() + " " + file.delete();
        });
        attempt("tmp-redirect", () -> {
            Path out = Files.createTempFile("child-", ".out");
            Process p = new ProcessBuilder("echo", "child").redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            String read = Files.readString(out).strip();
            Files.delete(out);
            return read;
        });
        attempt("jdk-read", () -> Files.readAllLines(Path.of(System.getProperty("java.home"), "release")).isEmpty() ? "empty" : "read");
        attempt("random", () -> SecureRandom.getInstance("NativePRNG").nextInt() == 0 ? "zero" : "read");
        attempt("outside-nio-read", () -> Files.readString(secret));
        attempt("outside-io-read", () -> new String(new FileInputStream(secret.toFile()).readAllBytes(), StandardCharsets.UTF_8));
        attempt("outside-exists", () -> "" + secret.toFile().exists());
        attempt("outside-list", () -> {
            try (Stream<Path> listed = Files.list(outside)) {
                return "" + listed.count();
            }
        });
        attempt("outside-write", () -> "" + Files.writeString(outside.resolve("written.txt"), "x"));
        attempt("outside-delete", () -> "" + secret.toFile().delete());
        attempt("outside-dotdot", () -> Files.readString(Path.of(System.getProperty("java.io.tmpdir"), "..",
                outside.getFileName().toString(), "secret.txt")));
        attempt("outside-symlink", () -> {
            Path link = Files.createTempDirectory("learner-").resolve("link");
            Files.createSymbolicLink(link, secret);
            return Files.readString(link);
        });
        attempt("outside-redirect", () -> {
            new ProcessBuilder("echo", "child").redirectOutput(outside.resolve("child.out").toFile()).start().waitFor();
            return "started";
        });
        attempt("outside-delete-on-exit", () -> {
            secret.toFile().deleteOnExit();
            return "registered";
        });
        attempt("relative", () -> Files.readString(Path.of("secret.txt")));
    }

    interface Attempt {
        String run() throws Exception;
    }

    static void attempt(String name, Attempt attempt) {
        try {
            System.out.println(name + " ok " + attempt.run());
        } catch (Exception e) {
            System.out.println(name + " " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
