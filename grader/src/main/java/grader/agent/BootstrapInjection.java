package grader.agent;

import grader.probes.PrivateFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

/**
 * Puts {@link grader.agent.boot.ProbeHub} on the bootstrap class path, as BlockHound's
 * {@code InstrumentationUtils.injectBootstrapClasses} does: its bytes go into a jar that is appended to the
 * bootstrap search before anything names the class, so only the bootstrap loader ever defines it.
 *
 * <p>The jar is cached per user and per content ({@code <tmp>/grader-agent-<user>/probehub-<crc>-<size>.jar}): every
 * test JVM forks with the agent, and a killed fork would leave a fresh temporary jar behind each time.
 */
final class BootstrapInjection {
    private BootstrapInjection() {}

    /** By name only: {@code ProbeHub.class} would load it here, in the wrong loader. */
    static final String PROBE_HUB = "grader/agent/boot/ProbeHub.class";

    static void appendProbeHub(Instrumentation inst) throws IOException {
        byte[] bytes = probeHubBytes();
        if (onBootPathAlready(bytes)) {
            return;
        }
        Path jar = cachedJar(bytes);
        try (JarFile file = new JarFile(jar.toFile())) {
            // The JVM only takes the jar's name; it opens the file itself.
            inst.appendToBootstrapClassLoaderSearch(file);
        }
    }

    /**
     * True when the test JVM was started with {@code -Xbootclasspath/a:} naming a jar that holds these very bytes (the
     * grader does so, see {@code grader.launch.StartupCache}): appending at run time would make the JVM stop using
     * its class-data archive for every class of the class path.
     */
    static boolean onBootPathAlready(byte[] bytes) throws IOException {
        // The platform loader delegates resources to the bootstrap loader; it has no class path of its own.
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(PROBE_HUB)) {
            if (in == null) {
                return false;
            }
            if (!Arrays.equals(in.readAllBytes(), bytes)) {
                // The first one on the bootstrap path wins: appending ours would not replace it.
                throw new IOException("the bootstrap class path (-Xbootclasspath/a) holds another build's " + PROBE_HUB
                        + " than this agent jar; start the test JVM with the ProbeHub jar of the same grader build");
            }
            return true;
        }
    }

    static byte[] probeHubBytes() throws IOException {
        try (InputStream in = BootstrapInjection.class.getClassLoader().getResourceAsStream(PROBE_HUB)) {
            if (in == null) {
                throw new IOException(PROBE_HUB + " is missing from the agent jar");
            }
            return in.readAllBytes();
        }
    }

    private static Path cachedJar(byte[] bytes) throws IOException {
        // CRC-32 names the version (the content is compared before use); SHA-256 would start the JCA providers.
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String name = "probehub-" + Long.toHexString(crc.getValue()) + "-" + bytes.length + ".jar";
        Path dir = PrivateFolder.inTemp("grader-agent").orElse(null);
        if (dir == null) {
            Path jar = Files.createTempFile("grader-probehub", ".jar");
            jar.toFile().deleteOnExit();
            write(jar, bytes);
            return jar;
        }
        Path jar = dir.resolve(name);
        if (Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS) && holds(jar, bytes)) {
            return jar;
        }
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            write(part, bytes);
            try {
                Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        return jar;
    }

    private static boolean holds(Path jar, byte[] bytes) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(PROBE_HUB);
            if (entry == null) {
                return false;
            }
            try (InputStream in = file.getInputStream(entry)) {
                return Arrays.equals(in.readAllBytes(), bytes);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path jar, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry(PROBE_HUB));
            zip.write(bytes);
            zip.closeEntry();
        }
    }
}
