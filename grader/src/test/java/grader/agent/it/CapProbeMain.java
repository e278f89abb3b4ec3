package grader.agent.it;

import grader.probes.Recorder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@code AgentJarIT}'s cap tests, started with {@code -javaagent:grader-agent.jar=threads=N} or
 * {@code =processes=N}. With argument "threads" it starts platform threads that wait on a latch until a start fails;
 * with "processes" it starts children that live until their stdin closes (this class with "child") until a start
 * fails, then ends one and tries one more. Either way it stops after 1,000 attempts and
 * prints how many starts succeeded, the failure, and what {@link Recorder#limitReached()} received.
 */
public final class CapProbeMain {
    private CapProbeMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("agent-problem " + Recorder.agentProblem());
        int started = 0;
        Throwable refusal = null;
        if (args[0].equals("threads")) {
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 1_000 && refusal == null; i++) {
                Thread t = new Thread(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "cap-" + i);
                try {
                    t.start();
                    threads.add(t);
                    started++;
                } catch (OutOfMemoryError e) {
                    refusal = e;
                }
            }
            release.countDown();
            for (Thread t : threads) {
                t.join();
            }
        } else if (args[0].equals("processes")) {
            // Children that live until their stdin closes, so that the test ends them all.
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> child = List.of(java, "-cp", System.getProperty("java.class.path"), CapProbeMain.class.getName(),
                    "child");
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < 1_000 && refusal == null; i++) {
                try {
                    children.add(new ProcessBuilder(child).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                    started++;
                } catch (IOException e) {
                    refusal = e;
                }
            }
            Process first = children.remove(0);
            first.getOutputStream().close();
            first.waitFor(30, TimeUnit.SECONDS);
            try {
                children.add(new ProcessBuilder(child).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                System.out.println("after-one-ended started");
            } catch (IOException e) {
                System.out.println("after-one-ended refused"); // the cap counts starts, not children alive
            }
            for (Process p : children) {
                p.getOutputStream().close();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } else {
            while (System.in.read() >= 0) {
                // a child: lives until its stdin closes
            }
            return;
        }
        System.out.println("started " + started);
        System.out.println("refusal " + refusal);
        System.out.println("recorded " + Recorder.limitReached());
    }
}
