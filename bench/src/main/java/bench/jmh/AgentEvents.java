package bench.jmh;

import grader.probes.Recorder;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The events the agent advises, one per benchmark, as learner code causes them. {@link bench.Benchmarks} runs this
 * class twice, in forks without and with {@code -javaagent:grader-agent.jar} (and {@code -Dbench.agent=off|on}); the
 * difference is the agent's cost per event outside an episode (no check is observing, so the probes count and
 * return), which is what every test that is not a model check pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AgentEvents {
    private static final Runnable NOTHING = () -> { };
    private static final Callable<Integer> ANSWER = () -> 42;

    private ExecutorService pool;

    @Setup(Level.Trial)
    public void checkAgentAndStartPool() {
        checkAgent();
        pool = Executors.newFixedThreadPool(2);
    }

    /**
     * Fails the run unless the agent is attached exactly when {@code -Dbench.agent=on|off} says: an agent that silently
     * failed to install would read as "no overhead", the wrong conclusion.
     */
    static void checkAgent() {
        String want = System.getProperty("bench.agent", "off");
        String problem = Recorder.agentProblem();
        if ("on".equals(want) && problem != null) {
            throw new IllegalStateException("the agent was asked for but is not working: " + problem);
        }
        if ("off".equals(want) && problem == null) {
            throw new IllegalStateException("the agent is attached in the run that must be without it");
        }
    }

    @TearDown(Level.Trial)
    public void stopPool() {
        pool.shutdownNow();
    }

    /** {@code new Thread(r).start(); join()}: advised {@code Thread.start}. */
    @Benchmark
    public void platformThreadStartJoin() throws InterruptedException {
        Thread t = new Thread(NOTHING);
        t.start();
        t.join();
    }

    /** {@code Thread.ofVirtual().start(r); join()}: advised {@code VirtualThread.start}. */
    @Benchmark
    public void virtualThreadStartJoin() throws InterruptedException {
        Thread t = Thread.ofVirtual().start(NOTHING);
        t.join();
    }

    /** {@code submit(c).get()} on a warm fixed pool of 2: no thread starts, so only what the agent adds to the pool's path. */
    @Benchmark
    public Integer executorSubmitGet() throws InterruptedException, ExecutionException {
        return pool.submit(ANSWER).get();
    }

    /** {@code new ThreadPoolExecutor(2, 2, ...)} with no task: advised constructor, no thread started. */
    @Benchmark
    public ThreadPoolExecutor threadPoolExecutorConstruction() {
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    }

    /** {@code Class.forName} of a JDK class: advised lookup (the agent refuses learner lookups of grader classes). */
    @Benchmark
    public Class<?> classForName() throws ClassNotFoundException {
        return Class.forName("java.util.concurrent.ConcurrentHashMap");
    }
}
