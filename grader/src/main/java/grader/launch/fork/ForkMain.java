package grader.launch.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.probes.ExitWitness;
import grader.probes.LearnerCode;
import grader.probes.Recorder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's entry point. Arguments: {@code <channel-socket> <token-file> <learner-classes-file>
 * <per-test-timeout>}. Stdout and stderr belong to the learner's code; everything
 * the grader needs goes over the channel (a Unix domain socket: it crosses the sandbox's network namespace, which a
 * loopback connection can't), which starts with the token only the grader knows. The tests to run come the other way,
 * once, after the JVM said hello: one line of test classes or {@code [unique-id]}s, tab-separated. So the grader can
 * boot a test JVM before it knows them (the next one, while a hung one runs).
 */
public final class ForkMain {
    private ForkMain() {}

    /** How long past a test's ceiling JUnit's own timeout interrupts it (less than the grader's grace). */
    static final int JUNIT_AFTER_CEILING_SECONDS = 4;

    public static void main(String[] args) throws Exception {
        Path channelSocket = Path.of(args[0]);
        String token = Files.readString(Path.of(args[1])).strip();
        Set<String> learner = new HashSet<>(Files.readAllLines(Path.of(args[2])));
        String perTestTimeout = args[3];

        SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(channelSocket));
        Channel channel = new Channel(new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(socket), StandardCharsets.UTF_8)));
        channel.line(token);
        ExitWitness.listen((how, status) -> channel.send(ForkEvent.exit(how, status, exitSite())));
        LearnerCode.declare(learner);

        String problem = Recorder.agentProblem();
        channel.send(ForkEvent.hello(Runtime.version().toString(), Runtime.getRuntime().availableProcessors(), problem));
        if (problem == null) {
            // JUnit's engines load before the tests are known: a spare JVM does this while it waits.
            Launcher launcher = LauncherFactory.create();
            List<String> classes = selectors(socket);
            run(launcher, classes, perTestTimeout, channel);
        }
        channel.send(ForkEvent.done(StreamingListener.processCpu()));
        ExitWitness.listen(null);
        channel.close();
        socket.close();
        // Learner threads left running must not keep this JVM alive, and no shutdown hook of theirs may run.
        Runtime.getRuntime().halt(0);
    }

    /** {@return the tests the grader sends: one line, tab-separated} Read from the socket itself, never while writing. */
    static List<String> selectors(SocketChannel socket) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (socket.read(one) < 0) {
                throw new IOException("the grader closed the channel before it said which tests to run");
            }
            if (one.get(0) == '\n') {
                break;
            }
            line.write(one.get(0));
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\t"));
    }

    static void run(List<String> classes, String perTestTimeout, Channel channel) {
        run(LauncherFactory.create(), classes, perTestTimeout, channel);
    }

    static void run(Launcher launcher, List<String> classes, String perTestTimeout, Channel channel) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                // A class name, or (when the grader re-runs what a dead JVM left) a test's unique id.
                .selectors(classes.stream().map(c -> c.startsWith("[")
                        ? (org.junit.platform.engine.DiscoverySelector) DiscoverySelectors.selectUniqueId(c)
                        : DiscoverySelectors.selectClass(c)).toList())
                // JUnit's timeout backs up the grader's budgets (see Diagnosis) where they do not reach (class-level
                // set-up): a few seconds past the ceiling, so a test's own budget always ends it first.
                .configurationParameter("junit.jupiter.execution.timeout.default",
                        (Long.parseLong(perTestTimeout.split(" ")[0]) + JUNIT_AFTER_CEILING_SECONDS) + " s")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
        TestPlan plan = launcher.discover(request);
        List<ForkEvent.PlannedTest> tests = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.isTest()) {
                    tests.add(StreamingListener.planned(id));
                }
            }
        }
        channel.send(ForkEvent.plan(tests));
        // The per-test timeout is each test's ceiling; its budget comes from the reference run (see Budgets).
        java.time.Duration ceiling = java.time.Duration.ofSeconds(Long.parseLong(perTestTimeout.split(" ")[0]));
        StreamingListener listener = new StreamingListener(channel, Budgets.load(ceiling));
        Thread.ofPlatform().name("grader-diagnosis").daemon().start(new Diagnosis(listener, channel));
        try {
            launcher.execute(plan, listener);
        } catch (Throwable t) {
            // JUnit rethrows what it cannot recover from (OutOfMemoryError, ...) and stops the whole run.
            // Say so for the test that threw it, then end this JVM: the grader runs the rest in a new one.
            StreamingListener.Running r = listener.running();
            if (r != null) {
                channel.send(ForkEvent.entry(r.test().getUniqueId(), Diagnosis.KEY, "the test threw " + t
                        + ", which JUnit cannot recover from, so the grader ended this test JVM"));
            }
            ExitWitness.listen(null);
            Runtime.getRuntime().halt(1);
        }
    }

    private static String exitSite() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> LearnerCode.isLearner(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse(null));
    }

    /**
     * The private channel: one JSON object per line, flushed at once, all written by one thread of the channel's
     * own. A socket channel written on an interrupted thread closes itself ({@code ClosedByInterruptException}) and every later event is lost, so the
     * test's thread must never write: the grader interrupts it at its budget, and learner code that restores its
     * interrupt (the right idiom) leaves the flag set while the test publishes its evidence. The caller still waits,
     * uninterruptibly, until its line is written, so the order of events and "written before the JVM halts" hold.
     */
    static final class Channel {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final BufferedWriter out;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "grader-channel");
            t.setDaemon(true);
            return t;
        });

        Channel(BufferedWriter out) {
            this.out = out;
        }

        void send(ForkEvent event) {
            try {
                line(JSON.writeValueAsString(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void line(String text) {
            on(() -> {
                out.write(text);
                out.write('\n');
                out.flush();
            });
        }

        void close() {
            on(out::close);
            writer.shutdown();
        }

        private void on(Write write) {
            try {
                // join(), unlike get(), does not give up when the caller is interrupted.
                CompletableFuture.runAsync(() -> {
                    try {
                        write.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException("the grader's channel is gone", e);
                    }
                }, writer).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}
