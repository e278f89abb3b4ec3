package grader.agent.it;

import grader.agent.EventTap;
import grader.agent.boot.Events;
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

/**
 * The child JVM of {@code AgentJarIT}, started with {@code -javaagent:grader-agent.jar=kernels=...}. It listens to
 * the agent's events ({@link EventTap}) to trace every event (one line each, printed at the end), does one of each thing
 * the agent must see, then exits with 3 from a {@code System.exit} whose shutdown hook halts with 4. The exit and
 * halt lines come through {@link Recorder} and {@link ExitWitness}, the path the grader's fork uses.
 */
public final class AgentProbeMain {
    private AgentProbeMain() {}

    private static final Queue<String> TRACE = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        System.out.println("agent-problem " + Recorder.agentProblem());
        System.out.println("boot-loader " + Events.class.getClassLoader());
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

    /** Traces every event the agent records, as it records it. */
    private static void trace() {
        EventTap.listen((kind, payload) -> {
            switch (kind) {
                case Events.THREAD -> {
                    Thread t = (Thread) payload;
                    TRACE.add("thread-start " + (t.isVirtual() ? "virtual " : "platform ") + t.getName());
                }
                case Events.POOL -> {
                    Object[] p = (Object[]) payload;
                    TRACE.add("pool " + p[1] + " " + p[2] + " " + p[3] + " " + p[0].getClass().getSimpleName());
                }
                case Events.PROCESS -> TRACE.add("process " + String.join(" ", (String[]) payload));
                case Events.KERNEL_ENTER -> TRACE.add("kernel-enter " + payload);
                case Events.KERNEL_EXIT -> TRACE.add("kernel-exit " + payload);
                default -> {
                    // not traced
                }
            }
        });
    }
}
