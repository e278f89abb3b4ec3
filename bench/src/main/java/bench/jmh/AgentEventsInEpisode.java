package bench.jmh;

import grader.probes.Episode;
import grader.probes.LearnerCode;
import grader.values.Evidence;
import java.util.Set;
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
 * The events a model check records: the same starts and constructions as {@link AgentEvents}, but made by "learner
 * code" ({@link LearnerCalls} is declared as the learner's) while an {@link Episode} is active, so with the agent each one is
 * attributed (a stack walk) and kept. One episode per measurement iteration, so the recorded threads and pools are
 * let go between iterations. Without the agent the episode sees nothing, and this is plain JDK cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AgentEventsInEpisode {
    private Episode episode;

    @Setup(Level.Trial)
    public void declareLearner() {
        AgentEvents.checkAgent();
        // LearnerCalls, not this class: the agent refuses the learner's lookups of grader classes such as Episode.
        LearnerCode.declare(Set.of(LearnerCalls.class.getName()));
    }

    @Setup(Level.Iteration)
    public void beginEpisode() {
        episode = Episode.begin("bench", "bench", "call", 1, "none", 0);
    }

    /** With the agent, fails the run when the episode recorded nothing: that would read as "no overhead". */
    @TearDown(Level.Iteration)
    public void endEpisode() {
        episode.close();
        if ("on".equals(System.getProperty("bench.agent"))) {
            Evidence seen = episode.evidence();
            if (seen.platformStarts() + seen.virtualStarts() + seen.pools().size() == 0) {
                throw new IllegalStateException("the episode recorded no thread start and no pool: the benchmark measures nothing");
            }
        }
        episode = null;
    }

    @Benchmark
    public void platformThreadStartJoin() throws InterruptedException {
        LearnerCalls.platformThreadStartJoin();
    }

    @Benchmark
    public void virtualThreadStartJoin() throws InterruptedException {
        LearnerCalls.virtualThreadStartJoin();
    }

    @Benchmark
    public ThreadPoolExecutor threadPoolExecutorConstruction() {
        return LearnerCalls.threadPoolExecutorConstruction();
    }
}
