package grader.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.launch.fork.ForkEvent;
import grader.launch.fork.ForkMain;
import grader.values.Containment;
import grader.values.ExitRequest;
import grader.values.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs tests in a JVM of their own: the same JDK as this one, the grader's agent attached at start,
 * a chosen processor count, and a private channel for results (a Unix domain socket in a folder of its own, which
 * crosses a sandbox's network namespace). The JVM runs inside the {@link Containment} the request names: bubblewrap's
 * namespaces, or the jvm layer's session of its own. Whatever the tests do, this returns: a JVM that overruns its budget
 * is killed with its children, every process it started is ended when it ends, and every planned test that did not
 * finish is reported as such.
 */
public final class TestJvm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJvm() {}

    /**
     * What to run.
     *
     * @param agentJar          the shaded agent jar
     * @param kernels           {@code Class#method} names the agent wraps as watched calls
     * @param classPath         the grader, the hidden tests if any, and the learner's classes
     * @param learnerClasses    binary names of the learner's classes, for attribution
     * @param testClasses       test classes to run, in order
     * @param activeProcessors  {@code -XX:ActiveProcessorCount}
     * @param jvmFlags          further flags (heap, agent quietness)
     * @param perTestTimeout    JUnit's per-test timeout (the test thread is interrupted)
     * @param watchdog          the whole JVM's budget; past it the JVM and its children are killed
     * @param workDir           where the token, lists and output go
     * @param outputCap         characters of the learner's output kept
     * @param limits            the caps the agent enforces (threads, processes, network)
     * @param lockPackages      packages whose classes the agent has report their locks and map updates
     * @param startup           the start-up cache to use, if any (see {@link StartupCache})
     * @param containment       the layer around the JVM (null: the jvm layer)
     * @param masked            folders a sandboxed JVM must not see (the grader's home and work folders, other
     *                          submissions); what it needs inside them is bound back read-only
     */
    public record Request(Path agentJar, List<String> kernels, List<Path> classPath, Set<String> learnerClasses,
                          List<String> testClasses, int activeProcessors, List<String> jvmFlags,
                          Duration perTestTimeout, Duration watchdog, Path workDir, int outputCap, Limits limits,
                          List<String> lockPackages, Optional<StartupCache.Ready> startup, Containment containment,
                          List<Path> masked) {
        public Request {
            containment = containment == null ? new Containment(Containment.JVM, Isolation.JVM.id(), Sessions.coverage()) : containment;
            masked = masked == null ? List.of() : List.copyOf(masked);
            startup = startup == null ? Optional.empty() : startup;
            lockPackages = lockPackages == null ? List.of() : List.copyOf(lockPackages);
            kernels = List.copyOf(kernels);
            classPath = List.copyOf(classPath);
            learnerClasses = Set.copyOf(learnerClasses);
            testClasses = List.copyOf(testClasses);
            jvmFlags = List.copyOf(jvmFlags);
        }
    }

    /**
     * How one test ended: SUCCESSFUL, FAILED, ABORTED, SKIPPED; STUCK (past its timeout and deaf to the
     * interrupt: the grader killed the JVM), DIED (the JVM ended while it ran), or NOT_RUN.
     */
    public record TestRun(ForkEvent.PlannedTest test, String status, String message, String trace,
                          Map<String, List<String>> entries) {

        /**
         * {@return whether the test ran out of time, so that the learner's call did not return by itself, whatever it
         * recorded after that} JUnit's own time limit (a {@code TimeoutException}), the budgets' stop (the test JVM
         * interrupted it past its budget, however the learner's code then ended) and a test deaf to that interrupt.
         */
        public boolean ranOutOfTime() {
            return "STUCK".equals(status) || entries.containsKey(TIMEOUT_KEY)
                    || trace != null && trace.startsWith(java.util.concurrent.TimeoutException.class.getName());
        }
    }

    /**
     * What happened.
     *
     * @param jdk          the test JVM's version
     * @param cpus         the processors it reported
     * @param agentProblem why the agent's self-test failed, or null
     * @param runs         every planned test, in plan order, with how it ended
     * @param exits        {@code System.exit}/{@code halt} calls by learner code
     * @param timedOut     whether the watchdog killed the JVM
     * @param exitCode     the JVM's exit code (null if killed)
     * @param completed    whether the JVM said it was done
     * @param output       the learner's stdout and stderr, capped
     * @param outputCut    whether the output was cut
     * @param failure      what went wrong starting or talking to the JVM, or null
     * @param jvms         how many test JVMs it took (more than one when one died or was killed)
     * @param printed      bytes the learner's code printed in all, kept or not
     */
    public record Result(String jdk, Integer cpus, String agentProblem, List<TestRun> runs, List<ExitRequest> exits,
                         boolean timedOut, Integer exitCode, boolean completed, String output, boolean outputCut,
                         String failure, int jvms, long printed) {}

    /** How long past its own timeout a test may run before the grader stops its JVM. */
    public static final Duration GRACE = Duration.ofSeconds(10);
    /**
     * The report entry by which the test JVM says its running test ignored the interrupt at its budget; its value says
     * how that was seen (a deadlock, the thread back in its wait, or still running a while after the interrupt).
     */
    public static final String DEAF_KEY = "grader.deaf";
    /** The report entry by which the test JVM says a test ran past its budget: the learner's code hung. */
    public static final String TIMEOUT_KEY = "grader.timeout";
    /** The report entry with a test's budget, set when it started. */
    public static final String BUDGET_KEY = "grader.budget";
    /** Tells a new test JVM that the learner's code hung in an earlier one: its tests get their short budgets. */
    static final String AFTER_HANG_FLAG = "-Dgrader.afterHang=true";
    /** Most test JVMs one grading starts; each restart must have finished at least one test. */
    static final int MAX_JVMS = 25;



    /**
     * Runs every test; when a JVM dies or is killed, the tests it did not get to run in a new one, so a
     * test that kills its JVM costs only itself. The watchdog bounds the whole, across JVMs.
     */
    public static Result run(Request request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + request.watchdog().toNanos();
        List<String> selectors = request.testClasses();
        Map<String, TestRun> merged = new LinkedHashMap<>();
        List<ExitRequest> exits = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        long printed = 0;
        Result last = null;
        int jvms = 0;
        Booted spare = null;
        try {
            while (jvms < MAX_JVMS) {
                jvms++;
                boolean hung = merged.values().stream().anyMatch(t -> t.entries().containsKey(TIMEOUT_KEY));
                Booted jvm = spare != null ? spare
                        : Booted.boot(hung ? afterHang(request) : request, request.workDir().resolve("jvm-" + jvms));
                spare = null;
                // Once the learner's code has hung and cost a test JVM, the next one boots while this one runs: a method
                // that hangs deaf in every call then pays a JVM's start once, not once a test.
                if (hung && jvms < MAX_JVMS) {
                    try {
                        spare = Booted.boot(afterHang(request), request.workDir().resolve("jvm-" + (jvms + 1)));
                    } catch (IOException e) {
                        spare = null; // the next one then boots when it is needed, as the first did
                    }
                }
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Result r = jvm.run(selectors, left);
                last = r;
                exits.addAll(r.exits());
                if (output.length() < request.outputCap()) {
                    if (jvms > 1 && !r.output().isEmpty()) {
                        output.append("\n--- test JVM ").append(jvms).append(" ---\n");
                    }
                    output.append(r.output(), 0, Math.min(r.output().length(), request.outputCap() - output.length()));
                }
                printed += r.printed();
                boolean progress = false;
                for (TestRun t : r.runs()) {
                    TestRun before = merged.get(t.test().id());
                    if (before == null || "NOT_RUN".equals(before.status())) {
                        merged.put(t.test().id(), t);
                    }
                    progress |= !"NOT_RUN".equals(t.status());
                }
                List<String> remaining = merged.values().stream().filter(t -> "NOT_RUN".equals(t.status())).map(t -> t.test().id()).toList();
                if (r.completed() || remaining.isEmpty() || !progress || r.timedOut() || r.agentProblem() != null || r.runs().isEmpty()) {
                    break;
                }
                selectors = remaining;
            }
        } finally {
            if (spare != null) {
                spare.close();
            }
        }
        boolean cut = printed > output.toString().getBytes(StandardCharsets.UTF_8).length;
        if (cut) {
            output.append("\n[output cut by the grader: ").append(printed).append(" bytes printed, the first ")
                    .append(request.outputCap()).append(" kept]");
        }
        return new Result(last.jdk(), last.cpus(), last.agentProblem(), List.copyOf(merged.values()), List.copyOf(exits),
                last.timedOut(), last.exitCode(), last.completed(), output.toString(), cut, last.failure(), jvms, printed);
    }

    /** {@return the request for a test JVM that follows a hang: its tests get their short budgets} */
    private static Request afterHang(Request r) {
        List<String> flags = new ArrayList<>(r.jvmFlags());
        flags.add(AFTER_HANG_FLAG);
        return new Request(r.agentJar(), r.kernels(), r.classPath(), r.learnerClasses(), r.testClasses(), r.activeProcessors(),
                flags, r.perTestTimeout(), r.watchdog(), r.workDir(), r.outputCap(), r.limits(), r.lockPackages(), r.startup(),
                r.containment(), r.masked());
    }

    /**
     * A test JVM started and connecting to its channel, not yet told which tests to run: they go over the channel
     * ({@link #run}), so one can boot while another runs. {@link #run} or {@link #close} ends it and removes its folders.
     */
    private static final class Booted {
        private final Request request;
        private final Path channelDir;
        private final Path learnerTmp;
        private final ServerSocketChannel server;
        private final Process process;
        private final boolean sandboxed;
        private final Runnable endAll;
        private final Thread hook;
        private final OutputDrain drain;
        private final Thread drainThread;
        private final Reader reader;
        private final Thread readerThread;
        private final long started;

        private Booted(Request request, Path channelDir, Path learnerTmp, ServerSocketChannel server, Process process,
                       boolean sandboxed, String token) {
            this.request = request;
            this.channelDir = channelDir;
            this.learnerTmp = learnerTmp;
            this.server = server;
            this.process = process;
            this.sandboxed = sandboxed;
            this.started = System.nanoTime();
            this.endAll = () -> endAll(process, sandboxed);
            // A grader stopped early (Ctrl-C, a CI cancel) takes its test JVM's processes with it.
            this.hook = new Thread(endAll, "grader-end-test-jvm");
            Runtime.getRuntime().addShutdownHook(hook);
            this.drain = new OutputDrain(process.getInputStream(), request.outputCap());
            this.drainThread = Thread.ofPlatform().name("grader-output").daemon().start(drain);
            this.reader = new Reader(server, token, process);
            this.readerThread = Thread.ofPlatform().name("grader-channel").daemon().start(reader);
        }

        static Booted boot(Request request, Path dir) throws IOException {
            Files.createDirectories(dir);
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path tokenFile = dir.resolve("channel.token");
            Files.writeString(tokenFile, token);
            Path learnerFile = dir.resolve("learner-classes.txt");
            Files.write(learnerFile, request.learnerClasses().stream().sorted().toList());

            // Its own owner-only folder with a short name: a socket's path has at most about 100 bytes.
            Path channelDir = Files.createTempDirectory("grader-ch");
            Path socket = channelDir.resolve("s");
            boolean sandboxed = request.containment().namespaces();
            // The learner's temporary folder, in both layers: its code may read and write files there only (the agent's
            // file policy), and it goes with the grading.
            Path learnerTmp = Files.createTempDirectory("grader-learner-");
            ServerSocketChannel server = null;
            try {
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socket));
                List<String> java = privateTempFlags(command(request, socket, tokenFile, learnerFile), request, dir,
                        learnerTmp);
                List<String> command;
                if (sandboxed) {
                    List<Path> readOnly = new ArrayList<>(List.of(Path.of(System.getProperty("java.home")), request.agentJar(), dir));
                    readOnly.addAll(request.classPath());
                    request.startup().ifPresent(c -> readOnly.add(c.dir()));
                    List<Path> masked = new ArrayList<>(request.masked());
                    masked.add(Path.of(System.getProperty("user.home")));
                    command = Bubblewrap.command(java, readOnly, List.of(channelDir, learnerTmp), masked, learnerTmp);
                } else {
                    command = Sessions.leading(java);
                }
                Files.write(dir.resolve("command.txt"), command);
                Process process = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                return new Booted(request, channelDir, learnerTmp, server, process, sandboxed, token);
            } catch (IOException | RuntimeException e) {
                if (server != null) {
                    server.close();
                }
                deleteTree(channelDir);
                deleteTree(learnerTmp);
                throw e;
            }
        }

        /** Sends the tests to run and waits until the JVM is done, dead, stuck or past {@code budget}; then ends it. */
        Result run(List<String> selectors, Duration budget) throws IOException, InterruptedException {
            try {
                reader.select(selectors);
                long deadline = System.nanoTime() + budget.toNanos();
                long stuckAfter = request.perTestTimeout().plus(GRACE).toNanos();
                boolean finished = false;
                boolean timedOut = false;
                while (!finished) {
                    finished = process.waitFor(200, TimeUnit.MILLISECONDS);
                    if (finished) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (now > deadline) {
                        timedOut = true;
                    } else if (reader.deaf() || reader.runningFor(now) > stuckAfter) {
                        reader.markStuck();
                    } else {
                        continue;
                    }
                    endAll.run();
                    process.waitFor(10, TimeUnit.SECONDS);
                    break;
                }
                readerThread.join(Duration.ofSeconds(10));
                server.close();
                readerThread.join(Duration.ofSeconds(5));
                // Children the learner left behind die with the grading, never after it: orphans too.
                endAll.run();
                drainThread.join(Duration.ofSeconds(10));
                reader.trace(request.workDir(), System.nanoTime() - started);
                return reader.result(timedOut, finished ? process.exitValue() : null, drain.text(), drain.total());
            } finally {
                close();
            }
        }

        /** Ends the JVM and its processes (a spare never used, too) and removes its folders. */
        void close() {
            reader.abandon();
            List<ProcessHandle> ending = java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()).toList();
            endAll.run();
            // Killed is not yet gone: wait (a bounded while) until every process of this JVM has ended, so that none is
            // still there when the grading returns (a spare never used ends here, while the grading is ending).
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (ProcessHandle p : ending) {
                try {
                    p.onExit().get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // past the bound: the shutdown hook and the session's end still cover it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                server.close();
            } catch (IOException e) {
                // closing: nothing to keep
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            deleteTree(channelDir);
            deleteTree(learnerTmp);
        }
    }

    /**
     * Ends the test JVM and every process it started. In the sandbox, ending bubblewrap ends its PID namespace and so
     * every process in it; in the jvm layer, the JVM's descendants and then every process of its session, orphans
     * included (see {@link Sessions}).
     */
    private static void endAll(Process process, boolean sandboxed) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!sandboxed) {
            Sessions.end(process.pid());
        }
    }

    /**
     * The test JVM's temporary folder is the grading's private one; its bootstrap jar (ProbeHub) is made here,
     * outside it (and bound read-only in the sandbox), never written where the learner's code can write.
     */
    private static List<String> privateTempFlags(List<String> java, Request request, Path dir, Path learnerTmp) throws IOException {
        List<String> cmd = new ArrayList<>(java);
        List<String> extra = new ArrayList<>();
        extra.add("-Djava.io.tmpdir=" + learnerTmp);
        if (cmd.stream().noneMatch(a -> a.startsWith("-Xbootclasspath/a:"))) {
            Path boot = dir.resolve(StartupCache.BOOT_JAR);
            StartupCache.writeBootJar(request.agentJar(), boot);
            extra.add("-Xbootclasspath/a:" + boot);
        }
        cmd.addAll(1, extra);
        return cmd;
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temporary folder
        }
    }

    static List<String> command(Request request, Path socket, Path tokenFile, Path learnerFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:ActiveProcessorCount=" + request.activeProcessors());
        cmd.addAll(request.jvmFlags());
        String agentArgs = "kernels=" + String.join(",", request.kernels()) + ";threads=" + request.limits().threads()
                + ";processes=" + request.limits().processes() + ";network=" + request.limits().network()
                + (request.lockPackages().isEmpty() ? "" : ";locks=" + String.join(",", request.lockPackages()));
        List<Path> classPath = new ArrayList<>();
        // Checked at every start, restarts included: a learner's code in the last test JVM could have changed a file.
        Optional<StartupCache.Ready> startup = request.startup().filter(c -> StartupCache.intactForStart(c, request.containment().namespaces()));
        if (startup.isPresent()) {
            StartupCache.Ready cache = startup.get();
            cmd.addAll(cache.jvmFlags());
            agentArgs += ";" + cache.agentOption();
            // The archive was made for this class path's head (the agent's classes already are on the class path).
            classPath.add(cache.agentJar());
        }
        classPath.addAll(request.classPath());
        cmd.add("-javaagent:" + request.agentJar().toAbsolutePath() + "=" + agentArgs);
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, classPath.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        cmd.add(ForkMain.class.getName());
        cmd.add(socket.toAbsolutePath().toString());
        cmd.add(tokenFile.toAbsolutePath().toString());
        cmd.add(learnerFile.toAbsolutePath().toString());
        cmd.add(request.perTestTimeout().toSeconds() + " s");
        return cmd;
    }

    /**
     * Drains the test JVM's stdout and stderr as they come, so the learner's code never blocks on a
     * full pipe; keeps the first {@code cap} bytes and only counts the rest, so a gigabyte printed
     * costs neither memory nor disk.
     */
    static final class OutputDrain implements Runnable {
        private final InputStream in;
        private final int cap;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long total;

        OutputDrain(InputStream in, int cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[64 * 1024];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (this) {
                        int keep = (int) Math.max(0, Math.min(n, cap - total));
                        kept.write(buffer, 0, keep);
                        total += n;
                    }
                }
            } catch (IOException e) {
                // The JVM is gone; what was read is kept.
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        synchronized long total() {
            return total;
        }
    }

    /** Reads the channel: accepts one connection that starts with the token, then one event a line. */
    private static final class Reader implements Runnable {
        private final ServerSocketChannel server;
        private final String token;
        private final Process process;
        private final Map<String, ForkEvent.PlannedTest> plan = new LinkedHashMap<>();
        private final Map<String, String[]> ends = new LinkedHashMap<>();
        private final Map<String, Map<String, List<String>>> entries = new LinkedHashMap<>();
        private final List<ExitRequest> exits = new ArrayList<>();
        private String running;
        private long runningSince;
        private String stuck;
        private String jdk;
        private Integer cpus;
        private String agentProblem;
        private boolean done;
        private long doneCpu = -1;
        private boolean deaf;
        private String failure;
        /** The tests to run, tab-separated, once the grader knows them (a spare JVM boots before). */
        private String selectors;
        private boolean abandoned;

        Reader(ServerSocketChannel server, String token, Process process) {
            this.server = server;
            this.token = token;
            this.process = process;
        }

        @Override
        public void run() {
            try {
                SocketChannel socket = null;
                server.configureBlocking(false);
                try (Selector selector = Selector.open()) {
                    server.register(selector, SelectionKey.OP_ACCEPT);
                    while (socket == null) {
                        selector.select(1000);
                        socket = server.accept();
                        if (socket == null && !process.isAlive()) {
                            fail("the test JVM ended before it connected to the grader");
                            return;
                        }
                    }
                }
                socket.configureBlocking(true);
                try (SocketChannel connected = socket;
                     BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connected), StandardCharsets.UTF_8))) {
                    if (!token.equals(in.readLine())) {
                        fail("the test JVM's channel did not start with the grader's token");
                        return;
                    }
                    String tests = awaitSelectors();
                    if (tests == null) {
                        return;
                    }
                    try {
                        connected.write(java.nio.ByteBuffer.wrap((tests + "\n").getBytes(StandardCharsets.UTF_8)));
                    } catch (IOException ended) {
                        // The JVM ended without reading them (its agent failed): what it said is still read below.
                    }
                    String line;
                    while ((line = in.readLine()) != null) {
                        handle(JSON.readValue(line, ForkEvent.class));
                    }
                }
            } catch (IOException e) {
                fail("the channel to the test JVM broke: " + e.getMessage());
            }
        }

        /** Tells the test JVM which tests to run (once it has connected; at once if it has). */
        synchronized void select(List<String> tests) {
            selectors = String.join("\t", tests);
            notifyAll();
        }

        /** A spare that will never run: stops waiting for its tests. */
        synchronized void abandon() {
            abandoned = true;
            notifyAll();
        }

        private synchronized String awaitSelectors() {
            while (selectors == null && !abandoned) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    return null;
                }
            }
            return abandoned && selectors == null ? null : selectors;
        }

        private synchronized void fail(String why) {
            if (failure == null) {
                failure = why;
            }
        }

        private synchronized void handle(ForkEvent e) {
            switch (e.t()) {
                case "hello" -> {
                    jdk = e.jdk();
                    cpus = e.cpus();
                    agentProblem = e.message();
                }
                case "plan" -> e.tests().forEach(t -> plan.put(t.id(), t));
                case "start" -> {
                    running = e.id();
                    runningSince = System.nanoTime();
                }
                case "end" -> {
                    ends.put(e.id(), new String[] {e.status(), e.message(), e.trace()});
                    if (e.id().equals(running)) {
                        running = null;
                    }
                }
                case "skip" -> ends.put(e.id(), new String[] {"SKIPPED", e.message(), null});
                case "entry" -> {
                    entries.computeIfAbsent(e.id(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value());
                    // The test JVM saw its running test ignore the interrupt at its budget: end it now, not at the ceiling.
                    deaf |= DEAF_KEY.equals(e.key()) && e.id().equals(running);
                }
                case "exit" -> exits.add(new ExitRequest(e.status(), e.exitStatus() == null ? 0 : e.exitStatus(), e.message(), running));
                case "done" -> {
                    done = true;
                    doneCpu = e.value() == null ? -1 : Long.parseLong(e.value());
                }
                default -> fail("unknown event from the test JVM: " + e.t());
            }
        }

        /** {@return whether the test JVM said its running test ignores the interrupt (see {@link #DEAF_KEY})} */
        synchronized boolean deaf() {
            return deaf;
        }

        /** {@return how long the running test has run, in nanoseconds; 0 when none runs} */
        synchronized long runningFor(long now) {
            return running == null ? 0 : now - runningSince;
        }

        synchronized void markStuck() {
            stuck = running;
        }

        /** Writes where this test JVM's CPU went to the {@link CpuTrace}, when it is on. */
        synchronized void trace(Path work, long wallNanos) {
            if (!CpuTrace.on()) {
                return;
            }
            long first = Long.MAX_VALUE;
            long last = 0;
            for (ForkEvent.PlannedTest t : plan.values()) {
                Map<String, List<String>> es = entries.getOrDefault(t.id(), Map.of());
                List<String> cpu = es.getOrDefault(ForkEvent.CPU_KEY, List.of());
                if (cpu.isEmpty()) {
                    continue;
                }
                String[] f = cpu.get(0).split(" ");
                long start = Long.parseLong(f[0]);
                long end = Long.parseLong(f[1]);
                first = Math.min(first, start);
                last = Math.max(last, end);
                List<String> took = es.getOrDefault(ForkEvent.DURATION_KEY, List.of());
                CpuTrace.write(new CpuTrace.Line(work.toString(), null, "test", null, t.className() + "#" + t.method(),
                        (end - start) / 1e6, Long.parseLong(f[2]) / 1e6, took.isEmpty() ? 0 : Double.parseDouble(took.get(0))));
            }
            if (first != Long.MAX_VALUE) {
                CpuTrace.write(new CpuTrace.Line(work.toString(), null, "jvm-start", null, null, first / 1e6, null, 0));
            }
            if (doneCpu >= 0) {
                CpuTrace.write(new CpuTrace.Line(work.toString(), null, "jvm-end", null, null, (doneCpu - Math.max(last, 0)) / 1e6, null, 0));
            }
            CpuTrace.write(new CpuTrace.Line(work.toString(), null, "jvm", null, null, doneCpu < 0 ? null : doneCpu / 1e6, null,
                    wallNanos / 1e6));
        }

        synchronized Result result(boolean timedOut, Integer exitCode, String output, long printed) {
            List<TestRun> runs = new ArrayList<>();
            for (ForkEvent.PlannedTest t : plan.values()) {
                String[] end = ends.get(t.id());
                Map<String, List<String>> es = entries.getOrDefault(t.id(), Map.of());
                if (end != null) {
                    runs.add(new TestRun(t, end[0], end[1], end[2], es));
                } else if (t.id().equals(stuck)) {
                    runs.add(new TestRun(t, "STUCK", null, null, es));
                } else if (t.id().equals(running) && !timedOut) {
                    runs.add(new TestRun(t, "DIED", exitCode == null ? null : "exit code " + exitCode, null, es));
                } else {
                    runs.add(new TestRun(t, "NOT_RUN", null, null, es));
                }
            }
            return new Result(jdk, cpus, agentProblem, runs, List.copyOf(exits), timedOut, exitCode, done,
                    output, printed > output.getBytes(StandardCharsets.UTF_8).length, failure, 1, printed);
        }
    }
}
