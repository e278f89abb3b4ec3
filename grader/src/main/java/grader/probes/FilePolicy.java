package grader.probes;

import grader.values.Site;
import java.io.File;
import java.io.IOException;
import java.util.Set;

/**
 * Which files the learner's code may reach: anything in its temporary folder (the test JVM's {@code java.io.tmpdir},
 * made for this grading and deleted after it), the JDK's own files to read, and the devices the JDK reads for random
 * numbers or writes to discard output. Everything else (the grader's files, the hidden tests, other submissions, the
 * rest of the machine) is refused. Paths are compared canonical: {@code ..} and symbolic links are resolved first, so
 * a link in the temporary folder to a file outside reaches outside and is refused. The learner's code may not create
 * symbolic links at all: a link swapped between the check and the open, or a relative target with {@code ..} through
 * a link made later, would lead out of the folder after the check.
 */
public final class FilePolicy {
    private FilePolicy() {}

    /** Read and written by the JDK for the learner's code: a process's discarded output, random numbers. */
    private static final Set<String> DEVICES_READ = Set.of("/dev/null", "/dev/random", "/dev/urandom");
    private static final String DEVICE_WRITE = "/dev/null";

    private static volatile String temporary;
    private static volatile String jdk;
    /** The JDK's home as given, not resolved: see {@link #insideTheJdk}. */
    private static volatile java.nio.file.Path jdkAsGiven;

    /**
     * Fixes the folders, once, in the agent's premain (before any learner code runs): later changes to the system
     * properties change nothing. A second call changes nothing either.
     */
    public static synchronized void configure(String temporaryFolder, String javaHome) throws IOException {
        if (temporary != null) {
            return;
        }
        jdk = new File(javaHome).getCanonicalPath();
        jdkAsGiven = new File(javaHome).getAbsoluteFile().toPath().normalize();
        temporary = new File(temporaryFolder).getCanonicalPath();
    }

    /** {@return the temporary folder the learner's code may use, canonical; null before {@link #configure}} */
    public static String temporaryFolder() {
        return temporary;
    }

    /** {@return null when the learner's code at {@code site} may do {@code kind} ("read", "write", "link") to
     *  {@code path}, else the refusal's message} */
    static String refusal(String path, String kind, Site site) {
        String tmp = temporary;
        if (tmp == null) {
            return null;
        }
        String canonical;
        try {
            canonical = new File(path).getCanonicalPath();
        } catch (IOException e) {
            canonical = new File(path).getAbsolutePath();
        }
        String only = "; it may read and write files only in its temporary folder " + tmp
                + " (java.io.tmpdir: Files.createTempFile, File.createTempFile)";
        if (kind.equals("link")) {
            return "file access refused by the grader: learner code may not create the symbolic link " + canonical
                    + " (at " + site + "): a link could lead out of its temporary folder" + only;
        }
        boolean write = kind.equals("write");
        if (within(canonical, tmp) || (write ? canonical.equals(DEVICE_WRITE)
                : insideTheJdk(path, canonical) || DEVICES_READ.contains(canonical))) {
            return null;
        }
        return "file access refused by the grader: learner code may not " + kind + " " + canonical + " (at " + site + ")"
                + only;
    }

    /**
     * A read of the JDK's own files: inside its home once resolved, or inside it as named, before symbolic links are
     * resolved. The JDK's packagers link some of its files out of its home (a Debian JDK's {@code conf/} to
     * {@code /etc/java-N-openjdk}, Temurin's {@code lib/security/cacerts} to the system's trust store), and the JDK
     * reads them when learner code first asks for a default {@code SSLContext}, logging or security settings.
     * Learner code can't make such a link (it may create none, and the JDK's home is not its to write), and
     * {@code ..} is taken away first, so a name inside the home reads only what the JDK itself links to.
     */
    private static boolean insideTheJdk(String path, String canonical) {
        if (within(canonical, jdk)) {
            return true;
        }
        java.nio.file.Path home = jdkAsGiven;
        try {
            return home != null && new File(path).getAbsoluteFile().toPath().normalize().startsWith(home);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean within(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder.endsWith("/") ? folder : folder + File.separator);
    }
}
