package grader.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that an older {@code java} on the PATH gets a clear
 * message (with the JDKs it could use instead) rather than an {@code UnsupportedClassVersionError}.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String spec = System.getProperty("java.specification.version");
        int major = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
        if (major < 21) {
            System.err.println("The grader needs Java 21 or newer, but this is Java " + spec + " ("
                    + System.getProperty("java.home") + ").");
            String found = jdksIn(new File("/usr/lib/jvm")) + jdksIn(new File("/Library/Java/JavaVirtualMachines"));
            if (!found.isEmpty()) {
                System.err.println("JDKs 21+ on this machine:" + found);
            }
            System.err.println("Run the jar with one of them (<jdk>/bin/java -jar grader.jar ...), or through Maven,"
                    + " which picks a JDK 21+ by itself: mvn -Pgrade verify.");
            System.exit(ExitCodeNumbers.GRADER_ERROR);
        }
        try {
            Class.forName("grader.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String jdksIn(File dir) {
        StringBuilder b = new StringBuilder();
        File[] kids = dir.listFiles();
        if (kids == null) {
            return "";
        }
        for (File k : kids) {
            File home = new File(k, "Contents/Home").isDirectory() ? new File(k, "Contents/Home") : k;
            File release = new File(home, "release");
            if (!release.isFile() || !new File(home, "bin/java").isFile()) {
                continue;
            }
            try {
                for (String line : java.nio.file.Files.readAllLines(release.toPath())) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String v = line.substring(13).replace("\"", "");
                        String first = v.startsWith("1.") ? "8" : v.split("[.+-]")[0];
                        if (Integer.parseInt(first) >= 21) {
                            b.append("\n  ").append(home).append("/bin/java (").append(v).append(')');
                        }
                    }
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // not a JDK we can read; skip it
            }
        }
        return b.toString();
    }

    /** {@link ExitCode} is compiled for Java 21; its number is repeated here for the Java 8 launcher. */
    static final class ExitCodeNumbers {
        static final int GRADER_ERROR = 3;

        private ExitCodeNumbers() {}
    }
}
