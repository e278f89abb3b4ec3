package grader.agent;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.agent.it.AgentProbeMain;
import grader.agent.it.CapProbeMain;
import grader.agent.it.FactorialKernel;
import grader.agent.it.LookupProbeMain;
import grader.agent.it.FileProbeMain;
import grader.agent.it.NetworkProbeMain;
import grader.launch.StartupCache;
import grader.probes.AgentFlags;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged agent: what {@code grader-agent.jar} holds, and what it sees in a real child JVM started the way the
 * grader starts a test JVM ({@code -javaagent:...=kernels=...} plus {@link AgentFlags#JVM_FLAGS}).
 */
class AgentJarIT {
    private static final String KERNEL = FactorialKernel.class.getName() + "#sumOfFactorials";

    private static Path home;
    private static Path agentJar;

    @TempDir
    static Path classPath;

    @BeforeAll
    static void locateBuild() throws IOException {
        home = Path.of(System.getProperty("grader.home", "target")).toAbsolutePath();
        agentJar = home.resolve("grader-agent.jar");
        assertTrue(Files.isRegularFile(agentJar), agentJar + " is missing: run `mvn package` first");
        // The grader's classes without grader/agent (the agent jar brings its own, with Byte Buddy relocated),
        // as in grader.jar, plus this test's probe main and kernel.
        copy(home.resolve("classes"), classPath, p -> !p.startsWith("grader/agent"));
        copy(home.resolve("test-classes"), classPath, p -> p.startsWith("grader/agent/it") || p.equals("grader/agent")
                || p.equals("grader") || p.startsWith("course/probe") || p.equals("course"));
    }

    @Test
    void theJarHoldsOnlyTheGraderAndRelocatedByteBuddy() throws IOException {
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            Set<String> roots = new TreeSet<>();
            List<String> unrelocated = new ArrayList<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                roots.add(entry.getName().split("/")[0]);
                if (entry.getName().startsWith("net/") || entry.getName().contains("/net/bytebuddy/")) {
                    unrelocated.add(entry.getName());
                }
            }
            assertEquals(Set.of("grader", "META-INF"), roots);
            // maven-shade rewrites the classes under META-INF/versions/ but doesn't move them (MSHADE-406): Byte Buddy's
            // JDK 24+ ClassFile API bridge then can't be found under its relocated name. grader/pom.xml needs a second
            // relocation, META-INF/versions/24/net/bytebuddy -> META-INF/versions/24/grader/agent/shaded/bytebuddy.
            assertEquals(List.of(), unrelocated, "Byte Buddy entries left at their original path");
            assertTrue(jar.getEntry("grader/agent/shaded/bytebuddy/agent/builder/AgentBuilder.class") != null);
            BootstrapInjection.BOOT_CLASSES.forEach(boot -> assertTrue(jar.getEntry(boot) != null, boot));

            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(GraderAgent.class.getName(), manifest.getValue("Premain-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
        }
    }

    /**
     * Both ways the agent can start: weaving the JDK classes with Byte Buddy, and redefining them from the start-up
     * cache (made here by {@link StartupCache}, used as the grader uses it) with Byte Buddy loaded only for the kernel.
     */
    @ParameterizedTest(name = "JDK classes from the start-up cache: {0}")
    @ValueSource(booleans = {false, true})
    void aChildJvmSeesEveryKindOfEventAndPrintsNoWarning(boolean fromCache) throws Exception {
        String argument = "kernels=" + KERNEL + ",grader.agent.it.NotLoaded#never";
        Run run = fromCache ? runChild(argument, startupCache(), AgentProbeMain.class.getName()) : runChild(argument);

        assertEquals(4, run.exitCode(), run::toString); // System.exit(3), then halt(4) from the shutdown hook
        assertEquals("", run.stderr(), run::toString);
        assertFalse(run.stdout().toLowerCase().contains("warning"), run::toString);

        List<String> out = run.stdout().lines().toList();
        assertEquals("agent-problem null", out.get(0), run::toString);
        assertEquals("boot-loader null", out.get(1), run::toString);
        assertEquals(fromCache ? "jdk-classes cache" : "jdk-classes byte-buddy: no cache given", out.get(2), run::toString);

        assertEquals(1, count(out, "thread-start platform it-platform"), run::toString);
        assertEquals(1, count(out, "thread-start virtual it-virtual"), run::toString);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, count(out, "thread-start virtual it-vexec-" + i), run::toString);
        }
        long fixedWorkers = out.stream().filter(l -> l.startsWith("thread-start platform it-fixed-")).count();
        assertTrue(fixedWorkers >= 1 && fixedWorkers <= 3, run::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches("thread-start platform ForkJoinPool-\\d+-worker-\\d+")), run::toString);

        assertEquals(1, count(out, "pool tpe 3 3 ThreadPoolExecutor"), run::toString);
        assertEquals(1, count(out, "pool tpe 2 " + Integer.MAX_VALUE + " ScheduledThreadPoolExecutor"), run::toString);
        assertEquals(1, count(out, "pool fjp 2 2 ForkJoinPool"), run::toString);

        String java = ProcessHandle.current().info().command().orElseThrow();
        assertEquals(1, count(out, "process " + java + " -version"), run::toString);
        assertEquals(1, count(out, "process it-no-such-program"), run::toString);

        assertEquals(2, count(out, "kernel-enter " + KERNEL), run::toString);
        assertEquals(2, count(out, "kernel-exit " + KERNEL), run::toString);

        int done = out.indexOf("done");
        assertEquals(List.of("exit exit 3", "exit halt 4"), out.subList(done + 1, out.size()), run::toString);
    }

    @Test
    void aMalformedKernelArgumentIsTheAgentsProblemNotACrash() throws Exception {
        Run run = runChild("kernels=NoHashHere");
        assertEquals("", run.stderr(), run::toString);
        String first = run.stdout().lines().findFirst().orElse("");
        assertTrue(first.startsWith("agent-problem ") && first.contains("\"NoHashHere\""), run::toString);
    }

    @Test
    void theThreadAfterTheCapIsRefusedWithTheJdksOutOfMemoryError() throws Exception {
        Run run = runChild("threads=50", CapProbeMain.class.getName(), "threads");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        String refusal = "java.lang.OutOfMemoryError: unable to create native thread: the grader's limit of 50 threads"
                + " in the test JVM is reached";
        assertEquals(List.of("agent-problem null", "started 50", "refusal " + refusal,
                "recorded " + refusal.substring("java.lang.OutOfMemoryError: ".length())), run.stdout().lines().toList());
    }

    @Test
    void theProcessAfterTheCapIsRefusedWithAnIOExceptionEvenWhenAChildHasEnded() throws Exception {
        Run run = runChild("kernels=;processes=3", CapProbeMain.class.getName(), "processes");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        // ProcessBuilder.start wraps what ProcessImpl.start throws as the JDK does for every failed start.
        String java = ProcessHandle.current().info().command().orElseThrow();
        String refusal = "the grader's limit of 3 child processes in the test JVM is reached";
        assertEquals(List.of("agent-problem null", "after-one-ended refused", "started 3",
                "refusal java.io.IOException: Cannot run program \"" + java + "\": " + refusal, "recorded " + refusal),
                run.stdout().lines().toList());
    }

    @Test
    void withNetworkLoopbackOnlyLoopbackIsReachedAndEveryOtherDestinationOrLookupIsRefusedBeforeItLeaves() throws Exception {
        Run run = runChild("network=loopback", NetworkProbeMain.class.getName());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        List<String> out = run.stdout().lines().toList();
        assertEquals(List.of("agent-problem null", "loopback-connect ok", "localhost-lookup ok"), out.subList(0, 3), run::toString);
        String refused = "network access refused by the grader: ";
        String lookup = "name-lookup java.net.UnknownHostException: " + refused + "looking up grader-network-test.invalid"
                + " (only localhost is resolved in the test JVM)";
        if (out.contains("own-address true")) {
            for (String attempt : List.of("socket-connect java.net.ConnectException: ", "http-client java.net.ConnectException: ",
                    "datagram-send java.net.ConnectException: ")) {
                assertTrue(out.stream().anyMatch(l -> l.startsWith(attempt + refused) && l.endsWith("(only the loopback test server may be reached)")),
                        attempt + "... expected in " + run);
            }
            assertTrue(out.stream().anyMatch(l -> l.startsWith("reverse-lookup java.net.UnknownHostException: ")), run::toString);
        }
        assertTrue(out.contains(lookup), run::toString);
        assertTrue(out.get(out.size() - 1).startsWith("recorded " + refused), run::toString);
    }

    @Test
    void theLearnersCodeCannotLookUpTheGradersOrJUnitsClassesOrClassFilesWhileTheGradersCodeStillCan() throws Exception {
        Run run = runChild("", LookupProbeMain.class.getName());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        List<String> out = run.stdout().lines().toList();
        String refused = "java.lang.ClassNotFoundException: reflection refused by the grader: learner code may not look up ";
        String at = " (at course.probe.LearnerLookups.";
        assertEquals("agent-problem null", out.get(0), run::toString);
        assertTrue(out.get(1).startsWith("learner-forName " + refused + "grader.probes.Episode" + at), run::toString);
        assertTrue(out.get(2).startsWith("learner-forName3 " + refused + "org.junit.jupiter.api.Test" + at), run::toString);
        assertTrue(out.get(3).startsWith("learner-loadClass " + refused + "grader.values.Evidence" + at), run::toString);
        assertEquals(List.of("learner-jdk-class ok java.util.concurrent.ForkJoinPool", "learner-forName-module null",
                "learner-resource null", "learner-resource-stream null", "learner-resources false",
                "grader-forName grader.probes.Episode", "grader-resource true"), out.subList(4, 11), run::toString);
        assertTrue(out.get(11).startsWith("recorded reflection refused by the grader: learner code may not look up grader.probes.Episode"),
                run::toString);
    }

    @Test
    void theLearnersCodeUsesItsTemporaryFolderAndTheJdksFilesAndEveryOtherFileIsRefusedWhileTheGradersCodeStillReadsIt()
            throws Exception {
        Path tmp = Files.createTempDirectory("agent-it-learner-tmp");
        Path outside = Files.createTempDirectory("agent-it-outside");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Run run = runChild(List.of("-Djava.io.tmpdir=" + tmp), "", null, FileProbeMain.class.getName(), outside.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        List<String> out = run.stdout().lines().toList();
        assertEquals(List.of("agent-problem null", "tmp-nio ok mine true", "tmp-io ok io2 true true", "tmp-redirect ok child",
                "jdk-read ok read", "random ok read"), out.subList(0, 6), run::toString);
        String secret = outside.toRealPath().resolve("secret.txt").toString();
        String refused = "java.lang.SecurityException: file access refused by the grader: learner code may not ";
        String only = "; it may read and write files only in its temporary folder " + tmp.toRealPath();
        List<String> expected = List.of("outside-nio-read " + refused + "read " + secret,
                "outside-io-read " + refused + "read " + secret,
                "outside-exists " + refused + "read " + secret,
                "outside-list " + refused + "read " + outside.toRealPath(),
                "outside-write " + refused + "write " + outside.toRealPath().resolve("written.txt"),
                "outside-delete " + refused + "write " + secret,
                "outside-dotdot " + refused + "read " + secret,
                "outside-symlink " + refused + "create the symbolic link " + tmp.toRealPath().resolve("learner-"),
                "outside-redirect " + refused + "write " + outside.toRealPath().resolve("child.out"),
                "outside-delete-on-exit " + refused + "write " + secret);
        for (int i = 0; i < expected.size(); i++) {
            String line = out.get(6 + i);
            int at = i;
            assertAll(() -> assertTrue(line.startsWith(expected.get(at)), line + "\n" + run),
                    () -> assertTrue(line.contains(" (at course.probe.LearnerFiles.lambda$run$"), line),
                    () -> assertTrue(line.contains(only), line));
        }
        assertTrue(out.get(16).startsWith("relative " + refused + "read "), run::toString);
        assertEquals(List.of("grader-read secret", "grader-written false false"), out.subList(17, 19), run::toString);
        assertTrue(out.get(19).startsWith("recorded file access refused by the grader: learner code may not read " + secret),
                run::toString);
        assertEquals(20, out.size(), run::toString);
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")), "not deleted as the child JVM ended");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("learner-")
                    && Files.isRegularFile(p)).toList(), "the learner's files were deleted");
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run runChild(String agentArgument) throws Exception {
        return runChild(agentArgument, AgentProbeMain.class.getName());
    }

    private static Run runChild(String agentArgument, String main, String... args) throws Exception {
        return runChild(agentArgument, null, main, args);
    }

    /** The start-up cache of this build, made once for the class in its own folder. */
    private static synchronized StartupCache.Ready startupCache() throws IOException {
        if (cache == null) {
            cache = StartupCache.at(Files.createTempDirectory("agent-it-cache")).ready(agentJar, home.resolve("grader.jar"))
                    .orElseThrow(() -> new AssertionError("the start-up cache could not be made"));
        }
        return cache;
    }

    private static StartupCache.Ready cache;

    private static Run runChild(String agentArgument, StartupCache.Ready startup, String main, String... args) throws Exception {
        return runChild(List.of(), agentArgument, startup, main, args);
    }

    private static Run runChild(List<String> flags, String agentArgument, StartupCache.Ready startup, String main,
            String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(AgentFlags.JVM_FLAGS);
        command.addAll(flags);
        if (startup != null) {
            command.addAll(startup.jvmFlags());
            agentArgument += ";" + startup.agentOption();
        }
        command.add("-javaagent:" + agentJar + "=" + agentArgument);
        command.add("-cp");
        command.add(startup == null ? classPath.toString() : agentJar + File.pathSeparator + classPath);
        command.add(main);
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("agent-it", ".out");
        Path stderr = Files.createTempFile("agent-it", ".err");
        try {
            Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not finish within 120 s: " + command);
            }
            return new Run(child.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    private static void copy(Path from, Path to, java.util.function.Predicate<String> keep) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                String relative = from.relativize(source).toString().replace(File.separatorChar, '/');
                if (relative.isEmpty() || !keep.test(relative)) {
                    return;
                }
                try {
                    Path target = to.resolve(relative);
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
