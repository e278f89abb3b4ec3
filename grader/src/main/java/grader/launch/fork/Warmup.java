package grader.launch.fork;

import com.sun.net.httpserver.HttpServer;
import grader.probes.LearnerCode;
import grader.probes.Recorder;
import java.io.BufferedWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the start-up cache ({@code grader.launch.StartupCache}), in a JVM that holds no learner code:
 * with {@code agent-only} it ends once the agent is in (the agent exports the JDK classes it transformed); otherwise
 * it does what a test JVM does at start, so that the class list names those classes: one kernel call (the agent's
 * argument names {@link Kernel#run}, so Byte Buddy's load-time path runs), then {@link WarmupTest} through the JUnit
 * launcher exactly as {@link ForkMain} runs tests, its events serialised to nowhere. With {@code check}, it tries the
 * finished cache (see {@link #check()}). Prints which way the agent took the JDK classes; exits 1 when the agent's
 * self-test or the check failed.
 */
public final class Warmup {
    private Warmup() {}

    public static void main(String[] args) {
        String problem = Recorder.agentProblem();
        System.out.println("jdk classes: " + System.getProperty("grader.agent.jdk-classes"));
        if (problem != null) {
            System.out.println("the agent's self-test failed: " + problem);
            System.exit(1);
        }
        if (args.length > 0 && args[0].equals("agent-only")) {
            return;
        }
        if (args.length > 0 && args[0].equals("check")) {
            check();
            return;
        }
        Kernel.run();
        LearnerCode.declare(Set.of());
        ForkMain.run(List.of(WarmupTest.class.getName()), "60 s",
                new ForkMain.Channel(new BufferedWriter(Writer.nullWriter())));
        System.out.println("jdk classes: " + System.getProperty("grader.agent.jdk-classes"));
    }

    /**
     * The finished cache's check, in a JVM started as a test JVM is: what the exercises do (threads, a pool, a
     * loopback HTTP round trip through {@code HttpClient}) still works; a wrong archive once made requests hang.
     */
    private static void check() {
        Duration limit = Duration.ofSeconds(20);
        try (ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().connectTimeout(limit).build();
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            // As the exercises' tests serve their pages: com.sun.net.httpserver on virtual threads, on 127.0.0.1.
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.setExecutor(serverThreads);
            server.createContext("/", exchange -> {
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page");
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    statuses.add(pool.submit(() -> client.send(HttpRequest.newBuilder(uri).timeout(limit).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    int code = status.get(limit.toSeconds(), TimeUnit.SECONDS);
                    if (code != 200) {
                        throw new IllegalStateException("a loopback request answered " + code);
                    }
                }
                Thread.ofVirtual().start(Kernel::run).join();
            } catch (Exception e) {
                // At once: closing the pools would wait for requests that may never end.
                System.out.println("check failed: " + e);
                System.out.flush();
                Runtime.getRuntime().halt(1);
            } finally {
                server.stop(0);
            }
            System.out.println("check: ok");
        } catch (Exception e) {
            System.out.println("check failed: " + e);
            System.exit(1);
        }
    }

    /** Named as a kernel in the training run's agent argument. */
    static final class Kernel {
        private Kernel() {}

        static long run() {
            return Long.numberOfTrailingZeros(System.nanoTime() | 1L << 40);
        }
    }
}
