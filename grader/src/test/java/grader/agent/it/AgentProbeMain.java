package grader.agent.it;

import grader.agent.boot.ProbeHub;
import grader.probes.ExitWitness;
import grader.probes.Recorder;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * The child JVM of {@code AgentJarIT}, started with {@code -javaagent:grader-agent.jar=kernels=...}. It wraps the
 * agent's sinks in {@link ProbeHub} to trace every event (one line each, printed at the end), does one of each thing
 * the agent must see, then exits with 3 from a {@code System.exit} whose shutdown hook halts with 4. The exit and
 * halt lines come through {@link Recorder} and {@link ExitWitness}, the path the grader's fork uses.
 */
public final class AgentProbeMain {
    private AgentProbeMain() {}

    private static final Queue<String> TRACE = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        System.out.println("agent-problem " + Recorder.agentProblem());
        System.out.println("probehub-loader " + ProbeHub.class.getClassLoader());
        System.out.println("jdk-classes " + System.getProperty("grader.agent.jdk-classes"));
        trace();

        Runnable idle = () -> {};
        Thread platform = new Thread(idle, "it-platform");
        platform.start();
        platform.join();
        Thread.ofVirtual().name("it-virtual").start(idle).join();
        try (ExecutorService virtuals = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("it-vexec-", 0).factory())) {
            for (int i = 0; i < 3; i++) {
                virtuals.submit(idle);
            }
        }
        ExecutorService fixed = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("it-fixed-", 0).factory());
        for (int i = 0; i < 3; i++) {
            fixed.submit(idle);
        }
        fixed.shutdown();
        fixed.awaitTermination(10, TimeUnit.SECONDS);
        new ScheduledThreadPoolExecutor(2).shutdown();
        ForkJoinPool fjp = new ForkJoinPool(2);
        fjp.submit(idle).get();
        fjp.shutdown();

        String java = ProcessHandle.current().info().command().orElseThrow();
        new ProcessBuilder(java, "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor(30, TimeUnit.SECONDS);
        try {
            Runtime.getRuntime().exec(new String[] {"it-no-such-program"});
        } catch (IOException expected) {
            // ProcessImpl.start was entered all the same
        }

        FactorialKernel.sumOfFactorials(5);
        try {
            FactorialKernel.sumOfFactorials(-1);
        } catch (IllegalArgumentException expected) {
            // the exit advice fires on a throw too
        }

        for (String line : List.copyOf(TRACE)) {
            System.out.println(line);
        }
        System.out.println("done");
        System.out.flush();
        ExitWitness.listen((how, status) -> {
            System.out.println("exit " + how + " " + status);
            System.out.flush();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(4)));
        System.exit(3);
    }

    /** Wraps each sink the agent installed, so every event is traced and still reaches the agent. */
    private static void trace() {
        Consumer<Thread> threads = ProbeHub.threadSink;
        ProbeHub.threadSink = t -> {
            TRACE.add("thread-start " + (t.isVirtual() ? "virtual " : "platform ") + t.getName());
            threads.accept(t);
        };
        Consumer<Object[]> pools = ProbeHub.poolSink;
        ProbeHub.poolSink = p -> {
            TRACE.add("pool " + p[1] + " " + p[2] + " " + p[3] + " " + p[0].getClass().getSimpleName());
            pools.accept(p);
        };
        Consumer<String[]> processes = ProbeHub.processSink;
        ProbeHub.processSink = c -> {
            TRACE.add("process " + String.join(" ", c));
            processes.accept(c);
        };
        Consumer<String> enter = ProbeHub.kernelEnterSink;
        ProbeHub.kernelEnterSink = k -> {
            TRACE.add("kernel-enter " + k);
            enter.accept(k);
        };
        Consumer<String> exit = ProbeHub.kernelExitSink;
        ProbeHub.kernelExitSink = k -> {
            TRACE.add("kernel-exit " + k);
            exit.accept(k);
        };
        ObjIntConsumer<String> exits = ProbeHub.exitSink;
        if (exits == null) {
            TRACE.add("no exit sink");
        }
    }
}
