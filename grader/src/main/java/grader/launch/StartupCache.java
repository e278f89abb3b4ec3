package grader.launch;

import grader.probes.PrivateFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The test JVM's start-up cache: made once per JDK and grader build, by JVMs that hold no learner code, and
 * used by every test JVM after that. Three files:
 * <ul>
 *   <li>{@code probehub.jar}: the agent's bootstrap classes, put on {@code -Xbootclasspath/a} at start; appended at run
 *       time instead, it would stop the JVM from using the class-data archive for any class of the class path;
 *   <li>{@code jdk-classes.bin}: the JDK classes as the agent's transformers leave them (see
 *       {@code grader.agent.JdkClassCache}), so the agent redefines them without loading Byte Buddy;
 *   <li>{@code test-jvm.jsa}: a static class-data (CDS) archive of the classes a test JVM loads at start (the agent,
 *       Byte Buddy, JUnit, Jackson, the JDK's), made with {@code -Xshare:dump} from the class list of a training run.
 * </ul>
 * Each file's SHA-256 is written beside them when they are made and checked before every test JVM that uses them
 * (the agent checks {@code jdk-classes.bin} itself, with the hash it is given), so a file changed since, by anything,
 * is never used. Whatever goes wrong (no space, a JDK without CDS, a training run that fails), grading goes on
 * without the cache, as it would the first time; the reason is kept in {@code failed.txt} and not retried for that
 * build. The JVM reads the archive with {@code -Xshare:auto}, so one it cannot map is ignored too.
 */
public final class StartupCache {
    /** The cache's files, in its folder. */
    static final String BOOT_JAR = "probehub.jar";
    static final String JDK_CLASSES = "jdk-classes.bin";
    static final String ARCHIVE = "test-jvm.jsa";
    static final String CLASS_LIST = "classes.lst";
    static final String HASHES = "sha256.properties";
    static final String FAILED = "failed.txt";
    /** The files a test JVM uses, each hashed. */
    static final List<String> FILES = List.of(BOOT_JAR, JDK_CLASSES, ARCHIVE);
    /** Folders kept: other builds' caches beyond these, least recently made first, are deleted. */
    static final int KEPT = 4;
    /** All the training runs' budget; past it this grading goes on without the cache, and a later one tries again. */
    static final Duration MAKING_BUDGET = Duration.ofSeconds(90);
    /** A folder still without its hashes after this long was left by a grading that died making it. */
    static final Duration MAKER_GONE = Duration.ofMinutes(10);
    /** The agent's boot classes, as {@code grader.agent.BootstrapInjection} lists them (it checks that the boot path
     *  holds all of them or none). */
    private static final List<String> BOOT_CLASSES = List.of("grader/agent/boot/Events.class",
            "grader/agent/boot/Guards.class", "grader/agent/boot/StandIns.class");
    private static final String WARMUP = "grader.launch.fork.Warmup";

    /**
     * A usable cache.
     *
     * @param agentJar the agent jar it was made for (first on the class path)
     * @param dir its folder
     * @param hashes each file's SHA-256, as this process first read or made them: every later check compares the
     *               files with these, never with what the folder says by then
     */
    public record Ready(Path agentJar, Path dir, Map<String, String> hashes) {
        public Ready {
            hashes = Map.copyOf(hashes);
        }

        /** The SHA-256 of {@code jdk-classes.bin}, for the agent argument. */
        public String jdkClassesSha256() {
            return hashes.get(JDK_CLASSES);
        }

        /** Flags for the test JVM, before {@code -javaagent}. */
        public List<String> jvmFlags() {
            List<String> flags = new ArrayList<>();
            flags.add("-Xbootclasspath/a:" + dir.resolve(BOOT_JAR));
            flags.add("-XX:SharedArchiveFile=" + dir.resolve(ARCHIVE));
            flags.add("-Xshare:auto");
            // An archive the JVM can't use is ignored; it must not say so on the learner's stdout.
            flags.add(Runtime.version().feature() >= 25 ? "-Xlog:cds*=off,aot*=off" : "-Xlog:cds*=off");
            return flags;
        }

        /** The agent option naming the transformed JDK classes and their hash. */
        public String agentOption() {
            return "jdkcache=" + dir.resolve(JDK_CLASSES) + "#" + jdkClassesSha256();
        }
    }

    private final Path root;
    private final Map<String, CompletableFuture<Optional<Ready>>> made = new ConcurrentHashMap<>();

    private StartupCache(Path root) {
        this.root = root;
    }

    /** No cache: every test JVM starts as if it were the first. */
    public static StartupCache off() {
        return new StartupCache(null);
    }

    /** A cache under {@code root}, one folder per JDK and grader build. */
    public static StartupCache at(Path root) {
        Path dir = root.toAbsolutePath();
        // Its paths go into the agent argument, whose options are ;-separated.
        return dir.toString().contains(";") ? off() : new StartupCache(dir);
    }

    /**
     * {@code <tmp>/grader-cache-<user>}, owner-only where POSIX permissions exist; off when that folder can't be
     * trusted (someone else's, or writable by others).
     */
    public static StartupCache inTempFolder() {
        return PrivateFolder.inTemp("grader-cache").map(StartupCache::at).orElseGet(StartupCache::off);
    }

    public boolean enabled() {
        return root != null;
    }

    /**
     * The cache for these jars on this JDK: checked and returned when made before, else made now (a few seconds,
     * once per build; gradings in this process asking meanwhile wait for the same making). Empty when the cache is
     * off or could not be made or checked; grading then goes on without it.
     */
    public Optional<Ready> ready(Path agentJar, Path graderJar) {
        if (root == null) {
            return Optional.empty();
        }
        String key;
        try {
            key = key(agentJar, graderJar);
        } catch (IOException e) {
            return Optional.empty();
        }
        CompletableFuture<Optional<Ready>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Ready>> first = this.made.putIfAbsent(key, mine);
        if (first == null) {
            try {
                mine.complete(findOrMake(key, agentJar, graderJar));
            } finally {
                mine.complete(Optional.empty());
            }
            first = mine;
        }
        Optional<Ready> made = first.join();
        if (made.isEmpty()) {
            // Not kept: a later grading looks again (another process may have been making it; failed.txt is quick to read).
            this.made.remove(key, first);
            return made;
        }
        // Checked again before every use: the files may have changed since they were made or last checked. A changed
        // cache is deleted, so the next grading makes it again.
        if (!intact(made.get())) {
            if (this.made.remove(key, first)) {
                deleteTree(made.get().dir());
            }
            return Optional.empty();
        }
        return made;
    }

    /** {@return why {@link #ready} gives nothing for these jars: what {@code failed.txt} says, or what is off} */
    public String whyNot(Path agentJar, Path graderJar) {
        if (root == null) {
            return "the start-up cache is off";
        }
        try {
            Path dir = root.resolve(key(agentJar, graderJar));
            if (Files.isRegularFile(dir.resolve(FAILED))) {
                return Files.readString(dir.resolve(FAILED)).strip();
            }
            if (Files.isRegularFile(dir.resolve(HASHES))) {
                return "a file in " + dir + " changed after it was made; it was deleted, and the next grading makes it again";
            }
            return dir + " is being made by another grading";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The folder name: SHA-256 of the JDK and of each jar's path, size and time. */
    static String key(Path agentJar, Path graderJar) throws IOException {
        StringBuilder b = new StringBuilder()
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n');
        for (Path jar : List.of(agentJar, graderJar)) {
            Path p = jar.toAbsolutePath();
            b.append(p).append('\n').append(Files.size(p)).append('\n').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 24);
    }

    private Optional<Ready> findOrMake(String key, Path agentJar, Path graderJar) {
        Path dir = root.resolve(key);
        try {
            if (Files.isRegularFile(dir.resolve(FAILED))) {
                return Optional.empty();
            }
            if (Files.isRegularFile(dir.resolve(HASHES))) {
                return Optional.of(load(dir, agentJar));
            }
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                // Another grading process is making it (go on without it this time), or one died making it.
                if (madeAt(dir) > System.currentTimeMillis() - MAKER_GONE.toMillis()) {
                    return Optional.empty();
                }
                deleteTree(dir);
            }
            return make(dir, agentJar, graderJar);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Ready load(Path dir, Path agentJar) throws IOException {
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(HASHES))) {
            recorded.load(in);
        }
        Map<String, String> hashes = new java.util.HashMap<>();
        for (String file : FILES) {
            String sha = recorded.getProperty(file);
            if (sha == null || !sha.matches("[0-9a-f]{64}")) {
                throw new IOException(dir.resolve(HASHES) + " has no hash of " + file);
            }
            hashes.put(file, sha);
        }
        return new Ready(agentJar.toAbsolutePath(), dir, hashes);
    }

    /**
     * Every file is still the one this process first hashed. Called before every test JVM start, restarts included (a
     * learner's code in one test JVM could change a file for the next), and when a grading first asks for the cache.
     *
     * <p>A file is hashed again only when it may have changed (see {@link Verified}); once a test JVM has run outside
     * the namespaces layer in this process, every check hashes every file.
     */
    public static boolean intact(Ready ready) {
        return VERIFIED.intact(ready, System.currentTimeMillis());
    }

    /**
     * {@link #intact(Ready)} before a test JVM starts with the cache, {@code sandboxed} when it starts in the namespaces
     * layer. One that is not makes this process hash every file at every later check.
     */
    public static boolean intactForStart(Ready ready, boolean sandboxed) {
        if (!sandboxed) {
            VERIFIED.distrust();
        }
        return intact(ready);
    }

    /** This process's record of the files whose hash matched. */
    static final Verified VERIFIED = new Verified();

    /**
     * The files a process has hashed and found intact, with what they looked like then, so that a later check that finds
     * the same inode, size, modification and change time takes a file as the one it hashed instead of reading 30-odd MiB
     * again (about 0.2 CPU-s per test JVM start, twice per submission).
     *
     * <p>That is sound only while nothing can write the files in ways the times do not show. Inside the namespaces layer
     * the cache is bound read-only, so neither the learner's code nor the processes it starts can open it for writing;
     * a grader's own processes do not write it once made. Outside it (the jvm layer) a process the learner starts runs as
     * the grader's user, and a write through a shared memory mapping changes the times only on the first write to a
     * clean page: the bytes could change later with every time as it was. So the first test JVM that runs outside the
     * namespaces layer {@linkplain #distrust() ends} the record for this process. A file whose last change is less than
     * {@link #SETTLED} old is not recorded either: a change within the kernel's timestamp tick could keep its time.
     */
    static final class Verified {
        /** How old a file's last change must be before its identity and times stand for its hash. */
        static final Duration SETTLED = Duration.ofSeconds(2);
        private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
        private volatile boolean distrusted;

        /** From now on, every check in this process hashes every file. */
        void distrust() {
            distrusted = true;
            seen.clear();
        }

        Optional<Seen> seen(Path p) {
            return Optional.ofNullable(seen.get(p));
        }

        boolean intact(Ready ready, long nowMillis) {
            try {
                for (String file : FILES) {
                    Path p = ready.dir().resolve(file);
                    String expected = ready.hashes().get(file);
                    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        return false;
                    }
                    Optional<Seen> before = Seen.of(p, expected);
                    if (!distrusted && before.isPresent() && before.get().equals(seen.get(p))) {
                        continue;
                    }
                    if (!sha256(p).equals(expected)) {
                        return false;
                    }
                    // Kept only when nothing changed the file while it was read, and its last change has settled.
                    if (!distrusted && before.isPresent() && before.equals(Seen.of(p, expected))
                            && before.get().settledAt(nowMillis)) {
                        seen.put(p, before.get());
                    }
                }
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    /** A file as the file system describes it, with the hash it was found to have. */
    record Seen(Object fileKey, long size, long modifiedNanos, long changedNanos, String sha256) {
        /** {@return the file's description, or empty where the file system gives no change time (then it is always hashed)} */
        static Optional<Seen> of(Path p, String sha256) throws IOException {
            Map<String, Object> a;
            try {
                a = Files.readAttributes(p, "unix:ino,dev,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.of(new Seen(a.get("dev") + ":" + a.get("ino"), (Long) a.get("size"),
                    ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                    ((java.nio.file.attribute.FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), sha256));
        }

        boolean settledAt(long nowMillis) {
            return changedNanos < TimeUnit.MILLISECONDS.toNanos(nowMillis) - Verified.SETTLED.toNanos();
        }
    }

    /**
     * Makes the cache in its own folder, which its files name (the archive records the boot jar's path): the process
     * that creates the folder makes it; {@code sha256.properties}, written last, says it is complete.
     */
    private Optional<Ready> make(Path dir, Path agentJar, Path graderJar) throws IOException {
        Files.createDirectories(root);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        Failure failure;
        try {
            failure = train(dir, agentJar.toAbsolutePath(), graderJar.toAbsolutePath(), System.nanoTime() + MAKING_BUDGET.toNanos());
        } catch (IOException e) {
            failure = new Failure("the start-up cache could not be made: " + e, true);
        } catch (RuntimeException e) {
            failure = new Failure("the start-up cache could not be made: " + e, false);
        }
        if (failure != null) {
            if (failure.retry()) {
                deleteTree(dir);
            } else {
                for (Path p : List.of(dir.resolve(ARCHIVE), dir.resolve(JDK_CLASSES), dir.resolve(BOOT_JAR), dir.resolve(CLASS_LIST))) {
                    Files.deleteIfExists(p);
                }
                Files.writeString(dir.resolve(FAILED), failure.why() + "\n");
            }
            return Optional.empty();
        }
        pruneOthers(dir);
        return Optional.of(load(dir, agentJar));
    }

    /**
     * The training runs: the agent exports the JDK classes it transformed; a second JVM takes them back as the test
     * JVM will and lists every class it loads while running a test through JUnit; {@code -Xshare:dump} archives them.
     *
     * @param deadline {@link System#nanoTime()} past which the making is given up
     * @return null when all three files are made and checked, else why not
     */
    static Failure train(Path work, Path agentJar, Path graderJar, long deadline) throws IOException {
        Path boot = work.resolve(BOOT_JAR);
        writeBootJar(agentJar, boot);
        String classPath = agentJar + java.io.File.pathSeparator + graderJar;
        List<String> base = new ArrayList<>(List.of(java(), "-XX:-PrintWarnings", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xbootclasspath/a:" + boot));

        Path jdk = work.resolve(JDK_CLASSES);
        List<String> export = new ArrayList<>(base);
        export.addAll(List.of("-javaagent:" + agentJar + "=export=" + jdk, "-cp", classPath, WARMUP, "agent-only"));
        Failure failed = run(export, work, "exporting the transformed JDK classes", deadline);
        if (failed != null) {
            return failed;
        }
        if (!Files.isRegularFile(jdk)) {
            return new Failure("the agent wrote no " + JDK_CLASSES, false);
        }
        String jdkSha = sha256(jdk);

        Path list = work.resolve(CLASS_LIST);
        List<String> training = new ArrayList<>(base);
        training.add("-XX:DumpLoadedClassList=" + list);
        training.addAll(List.of("-javaagent:" + agentJar + "=jdkcache=" + jdk + "#" + jdkSha + ";kernels=" + WARMUP
                + "$Kernel#run;threads=100000;processes=100;network=loopback", "-cp", classPath, WARMUP));
        failed = run(training, work, "the training run", deadline);
        if (failed != null) {
            return failed;
        }
        String used = Files.readString(work.resolve("training.out")).strip();
        if (!used.endsWith("jdk classes: cache")) {
            return new Failure("the training run's agent did not take the JDK classes from the cache: " + used, false);
        }

        keepClassesOnly(list);

        Path archive = work.resolve(ARCHIVE);
        List<String> dump = new ArrayList<>(base);
        dump.addAll(List.of("-Xshare:dump", "--add-modules", "java.instrument", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive, "-cp", classPath));
        failed = run(dump, work, "-Xshare:dump", deadline);
        if (failed != null) {
            return failed;
        }
        if (!Files.isRegularFile(archive)) {
            return new Failure("-Xshare:dump wrote no archive", false);
        }
        // Started exactly as a test JVM will be: the archive must be taken, and what the exercises do must work.
        List<String> check = new ArrayList<>(base);
        check.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-javaagent:" + agentJar + "=jdkcache="
                + jdk + "#" + jdkSha + ";threads=100000;processes=100;network=loopback", "-cp", classPath, WARMUP, "check"));
        failed = run(check, work, "the check of the finished cache", deadline);
        if (failed != null) {
            return failed;
        }
        String checked = Files.readString(work.resolve("training.out"));
        if (!checked.contains("jdk classes: cache") || !checked.contains("check: ok")) {
            return new Failure("the check of the finished cache did not pass: " + checked.strip(), false);
        }

        Properties hashes = new Properties();
        for (String file : FILES) {
            hashes.setProperty(file, sha256(work.resolve(file)));
        }
        hashes.setProperty("java.vm.version", System.getProperty("java.vm.version"));
        Files.deleteIfExists(list);
        Files.deleteIfExists(work.resolve("training.out"));
        Path part = work.resolve(HASHES + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            hashes.store(out, "the test JVM's start-up cache; each file's SHA-256 is checked before use");
        }
        Files.move(part, work.resolve(HASHES), StandardCopyOption.ATOMIC_MOVE);
        return null;
    }

    /**
     * Keeps the class list's classes and drops what else the training run recorded: the constant-pool entries it
     * resolved ({@code @cp}) and its lambda proxies ({@code @lambda-proxy}) name indices and call sites of the JDK
     * classes as the agent rewrote them, while {@code -Xshare:dump} archives those classes as the JDK ships them; an
     * entry applied to the wrong class made {@code HttpClient} requests hang in the test JVM.
     */
    static void keepClassesOnly(Path list) throws IOException {
        List<String> lines = Files.readAllLines(list);
        List<String> kept = lines.stream().filter(l -> !l.startsWith("@cp ") && !l.startsWith("@lambda-proxy ")).toList();
        Files.write(list, kept);
    }

    /** Why the cache was not made; {@code retry} when a later grading may well make it (out of time, interrupted). */
    record Failure(String why, boolean retry) {}

    /** {@return null when the JVM ran and ended with 0 before the deadline, else what happened} (output: training.out) */
    private static Failure run(List<String> command, Path work, String what, long deadline) throws IOException {
        Path out = work.resolve("training.out");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                kill(p);
                return new Failure(what + " did not end within the " + MAKING_BUDGET.toSeconds() + " s the cache may take", true);
            }
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return new Failure(what + " was interrupted", true);
        }
        if (p.exitValue() != 0) {
            String text = Files.readString(out);
            return new Failure(what + " ended with " + p.exitValue() + ": " + text.substring(Math.max(0, text.length() - 2000)).strip(),
                    false);
        }
        return null;
    }

    /** Ends a training JVM and whatever it started, and waits for it: none outlives the grading. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void writeBootJar(Path agentJar, Path boot) throws IOException {
        try (JarFile agent = new JarFile(agentJar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(boot))) {
            for (String name : BOOT_CLASSES) {
                JarEntry entry = agent.getJarEntry(name);
                if (entry == null) {
                    throw new IllegalStateException(agentJar + " holds no " + name);
                }
                try (InputStream in = agent.getInputStream(entry)) {
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    /** Deletes the caches of other builds beyond the {@link #KEPT} newest. */
    private void pruneOthers(Path keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> others = dirs.filter(d -> !d.equals(keep) && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(StartupCache::madeAt).reversed()).toList();
            for (int i = KEPT - 1; i < others.size(); i++) {
                deleteTree(others.get(i));
            }
        } catch (IOException | UncheckedIOException e) {
            // an old folder stays; nothing depends on it
        }
    }

    private static long madeAt(Path dir) {
        try {
            return Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the next pruning
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
