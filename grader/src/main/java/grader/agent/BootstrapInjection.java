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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

/**
 * Puts the boot classes ({@link #BOOT_CLASSES}: {@link grader.agent.boot.Events}, {@link grader.agent.boot.Guards},
 * {@link grader.agent.boot.StandIns}) on the bootstrap class path, as BlockHound's
 * {@code InstrumentationUtils.injectBootstrapClasses} does: their bytes go into one jar that is appended to the
 * bootstrap search before anything names them, so only the bootstrap loader ever defines them.
 *
 * <p>The jar is cached per user and per content ({@code <tmp>/grader-agent-<user>/probehub-<crc>-<size>.jar}): every
 * test JVM forks with the agent, and a killed fork would leave a fresh temporary jar behind each time.
 */
final class BootstrapInjection {
    private BootstrapInjection() {}

    /** By name only: {@code Events.class} would load it here, in the wrong loader. Events first: it names the jar's
     *  version and says whether the boot path holds this build's classes. */
    static final List<String> BOOT_CLASSES = List.of("grader/agent/boot/Events.class", "grader/agent/boot/Guards.class",
            "grader/agent/boot/StandIns.class");

    static void appendBootClasses(Instrumentation inst) throws IOException {
        Map<String, byte[]> classes = bootClassBytes();
        if (onBootPathAlready(classes)) {
            return;
        }
        Path jar = cachedJar(classes);
        try (JarFile file = new JarFile(jar.toFile())) {
            // The JVM only takes the jar's name; it opens the file itself.
            inst.appendToBootstrapClassLoaderSearch(file);
        }
    }

    /**
     * True when the test JVM was started with {@code -Xbootclasspath/a:} naming a jar that holds these very classes
     * (the grader does so, see {@code grader.launch.StartupCache}): appending at run time would make the JVM stop using
     * its class-data archive for every class of the class path.
     */
    static boolean onBootPathAlready(Map<String, byte[]> classes) throws IOException {
        int found = 0;
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            // The platform loader delegates resources to the bootstrap loader; it has no class path of its own.
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(c.getKey())) {
                if (in == null) {
                    continue;
                }
                if (!Arrays.equals(in.readAllBytes(), c.getValue())) {
                    // The first one on the bootstrap path wins: appending ours would not replace it.
                    throw new IOException("the bootstrap class path (-Xbootclasspath/a) holds another build's " + c.getKey()
                            + " than this agent jar; start the test JVM with the boot class jar of the same grader build");
                }
                found++;
            }
        }
        if (found != 0 && found != classes.size()) {
            throw new IOException("the bootstrap class path (-Xbootclasspath/a) holds " + found + " of the agent's "
                    + classes.size() + " boot classes " + classes.keySet() + "; start the test JVM with the boot class jar"
                    + " of the same grader build");
        }
        return found == classes.size();
    }

    /** {@return each boot class's file name in the agent jar and its bytes, in {@link #BOOT_CLASSES} order} */
    static Map<String, byte[]> bootClassBytes() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : BOOT_CLASSES) {
            try (InputStream in = BootstrapInjection.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException(name + " is missing from the agent jar");
                }
                classes.put(name, in.readAllBytes());
            }
        }
        return classes;
    }

    private static Path cachedJar(Map<String, byte[]> classes) throws IOException {
        // CRC-32 names the version (the content is compared before use); SHA-256 would start the JCA providers.
        CRC32 crc = new CRC32();
        long size = 0;
        for (byte[] bytes : classes.values()) {
            crc.update(bytes);
            size += bytes.length;
        }
        String name = "probehub-" + Long.toHexString(crc.getValue()) + "-" + size + ".jar";
        Path dir = PrivateFolder.inTemp("grader-agent").orElse(null);
        if (dir == null) {
            Path jar = Files.createTempFile("grader-probehub", ".jar");
            jar.toFile().deleteOnExit();
            write(jar, classes);
            return jar;
        }
        Path jar = dir.resolve(name);
        if (Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS) && holds(jar, classes)) {
            return jar;
        }
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            write(part, classes);
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

    private static boolean holds(Path jar, Map<String, byte[]> classes) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                JarEntry entry = file.getJarEntry(c.getKey());
                if (entry == null) {
                    return false;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    if (!Arrays.equals(in.readAllBytes(), c.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path jar, Map<String, byte[]> classes) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                zip.putNextEntry(new JarEntry(c.getKey()));
                zip.write(c.getValue());
                zip.closeEntry();
            }
        }
    }
}
