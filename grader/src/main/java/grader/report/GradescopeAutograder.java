package grader.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gradescope's autograder zip: {@code setup.sh} and {@code run_autograder} (from the grader's resources,
 * executable) beside {@code grader.jar}, {@code grader-agent.jar} and the hidden tests' jar, all at the
 * zip's root, which Gradescope unpacks into {@code /autograder/source}. Options for every grading of the
 * assignment (e.g. {@code --exercise fetch}) go into a one-line {@code grader-options} file that
 * {@code run_autograder} reads, since Gradescope sets no variables of its own.
 */
public final class GradescopeAutograder {
    /** The zip's file name. */
    public static final String ZIP = "autograder.zip";
    static final List<String> SCRIPTS = List.of("setup.sh", "run_autograder");
    static final String OPTIONS = "grader-options";

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private GradescopeAutograder() {}

    /**
     * Writes {@code <outDir>/autograder.zip}, replacing an older one.
     *
     * @param jars          the jars to put beside the scripts, under their own file names (the hidden tests'
     *                      jar must keep a name the grader finds: {@code grader-hidden.jar} or
     *                      {@code grader-*-hidden.jar})
     * @param graderOptions options {@code run_autograder} passes to {@code grade}, already checked, each
     *                      free of white space; none leaves the {@code grader-options} file out
     * @return the zip and the names of its entries
     */
    public static Written write(List<Path> jars, List<String> graderOptions, Path outDir) throws IOException {
        for (String o : graderOptions) {
            if (o.isBlank() || o.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a grader option must be one word, not '" + o + "'");
            }
        }
        Files.createDirectories(outDir);
        Path zip = outDir.resolve(ZIP);
        Path tmp = Files.createTempFile(outDir, ZIP, ".tmp");
        Files.delete(tmp); // the zip file system creates it
        List<String> entries = new ArrayList<>();
        try {
            // The zip file system stores POSIX permissions, so run_autograder stays executable once unpacked.
            try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()),
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                for (String script : SCRIPTS) {
                    Path entry = fs.getPath(script);
                    try (InputStream in = script(script)) {
                        Files.copy(in, entry);
                    }
                    Files.setPosixFilePermissions(entry, EXECUTABLE);
                    entries.add(script);
                }
                if (!graderOptions.isEmpty()) {
                    Path entry = fs.getPath(OPTIONS);
                    Files.writeString(entry, String.join(" ", graderOptions) + "\n");
                    Files.setPosixFilePermissions(entry, READABLE);
                    entries.add(OPTIONS);
                }
                for (Path jar : jars) {
                    Path entry = fs.getPath(jar.getFileName().toString());
                    Files.copy(jar, entry);
                    Files.setPosixFilePermissions(entry, READABLE);
                    entries.add(entry.toString());
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Written(zip, entries);
    }

    /** {@return the jars the zip carries: the grader, its agent and, unless left out, the hidden tests} */
    public static List<Path> jars(Path graderJar, Path agentJar, Optional<Path> hiddenJar) {
        List<Path> jars = new ArrayList<>(List.of(graderJar, agentJar));
        hiddenJar.ifPresent(jars::add);
        return jars;
    }

    /** @param entries the names of the zip's entries, in order */
    public record Written(Path zip, List<String> entries) {
        public Written {
            entries = List.copyOf(entries);
        }
    }

    static InputStream script(String name) throws IOException {
        InputStream in = GradescopeAutograder.class.getResourceAsStream("/grader/gradescope/" + name);
        if (in == null) {
            throw new IOException("the grader's resource /grader/gradescope/" + name + " is missing: the jar is incomplete");
        }
        return in;
    }
}
