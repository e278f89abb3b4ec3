package grader.launch.fork;

import grader.probes.LearnerCode;
import grader.probes.Recorder;
import java.io.BufferedWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * The training run of the start-up cache ({@code grader.launch.StartupCache}), in a JVM that holds no learner code:
 * with {@code agent-only} it ends once the agent is in (the agent exports the JDK classes it transformed); otherwise
 * it does what a test JVM does at start, so that the class list names those classes: one kernel call (the agent's
 * argument names {@link Kernel#run}, so Byte Buddy's load-time path runs), then {@link WarmupTest} through the JUnit
 * launcher exactly as {@link ForkMain} runs tests, its events serialised to nowhere. Prints which way the agent took
 * the JDK classes; exits 1 when the agent's self-test failed.
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
        Kernel.run();
        LearnerCode.declare(Set.of());
        ForkMain.run(List.of(WarmupTest.class.getName()), "60 s",
                new ForkMain.Channel(new BufferedWriter(Writer.nullWriter())));
        System.out.println("jdk classes: " + System.getProperty("grader.agent.jdk-classes"));
    }

    /** Named as a kernel in the training run's agent argument. */
    static final class Kernel {
        private Kernel() {}

        static long run() {
            return Long.numberOfTrailingZeros(System.nanoTime() | 1L << 40);
        }
    }
}
