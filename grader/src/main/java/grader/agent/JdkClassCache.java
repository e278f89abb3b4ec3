package grader.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK classes as the agent's transformers left them, kept in a file so that a later test JVM on the same JDK
 * redefines them directly: nothing is woven at start-up.
 *
 * <p>Only the grader's training JVM, which holds no learner code, writes the file ({@code export=}); the grader hashes
 * it and passes the SHA-256 in each test JVM's agent argument ({@code jdkcache=file#sha}). Here the bytes are read
 * once, hashed, checked against that SHA-256, this JVM's version and home and the exact list of types, and only then
 * redefined: a file changed after the grader hashed it is never used, and a stale one (another JDK, another grader
 * build) is refused. When anything is off the agent transforms with Byte Buddy as if there were no cache.
 *
 * <p>Format: {@code "grader-jdk-classes/1"}, {@code java.vm.version}, {@code java.home}, the count, then per type
 * its binary name, length and bytes ({@link DataOutputStream} encoding).
 */
final class JdkClassCache {
    private JdkClassCache() {}

    static final String MAGIC = "grader-jdk-classes/1";
    /** What the agent did, for the grader's tests and the bench ({@code cache} or {@code byte-buddy: why}). */
    static final String PROPERTY = "grader.agent.jdk-classes";

    /** Writes {@code bytes} (binary name to class file, exactly the {@code types}) to {@code file}, atomically. */
    static void write(Path file, List<String> types, Map<String, byte[]> bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeUTF(MAGIC);
            out.writeUTF(System.getProperty("java.vm.version"));
            out.writeUTF(System.getProperty("java.home"));
            out.writeInt(types.size());
            for (String type : types) {
                byte[] b = bytes.get(type);
                if (b == null) {
                    throw new IOException(type + " was not transformed, so there is nothing to cache for it");
                }
                out.writeUTF(type);
                out.writeInt(b.length);
                out.write(b);
            }
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.write(part, buffer.toByteArray());
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Redefines the {@code types} from the cache file when it is the one the grader hashed and was made on this JDK.
     *
     * @return null when every type was redefined, else why the cache was not used (nothing was redefined then)
     */
    static String redefine(Instrumentation inst, Path file, String sha256, List<String> types, InstallLog log) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return "cannot read " + file + " (" + e + ")";
        }
        try {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            if (!actual.equals(sha256)) {
                return file + " changed after the grader hashed it";
            }
        } catch (NoSuchAlgorithmException e) {
            return "no SHA-256 in this JVM";
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            if (!in.readUTF().equals(MAGIC)) {
                return file + " is not a cache of this grader's format";
            }
            if (!in.readUTF().equals(System.getProperty("java.vm.version")) || !in.readUTF().equals(System.getProperty("java.home"))) {
                return file + " was made by another JDK";
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                bytes.put(name, b);
            }
        } catch (IOException | RuntimeException e) {
            return file + " is damaged (" + e + ")";
        }
        if (!bytes.keySet().equals(Set.copyOf(types)) || bytes.size() != types.size()) {
            return file + " holds " + bytes.keySet() + ", not the agent's types " + types;
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        try {
            // The woven code calls the boot classes, in the bootstrap loader's unnamed module: each transformed type's module
            // must read it, as Byte Buddy arranges when it weaves.
            Module hub = Class.forName("grader.agent.boot.Events", false, null).getModule();
            Set<Module> modules = new LinkedHashSet<>();
            for (String type : types) {
                Class<?> loaded = Class.forName(type, false, null);
                modules.add(loaded.getModule());
                definitions.add(new ClassDefinition(loaded, bytes.get(type)));
            }
            for (Module module : modules) {
                if (!module.canRead(hub)) {
                    inst.redefineModule(module, Set.of(hub), Map.of(), Map.of(), Set.of(), Map.of());
                }
            }
            // One call: the JVM checks every definition before it changes any class.
            inst.redefineClasses(definitions.toArray(new ClassDefinition[0]));
        } catch (ClassNotFoundException | LinkageError | RuntimeException | UnmodifiableClassException e) {
            return "the JVM refused the cached classes (" + e + ")";
        }
        types.forEach(log::cached);
        return null;
    }
}
