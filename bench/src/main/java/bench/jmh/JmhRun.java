package bench.jmh;

import java.util.Arrays;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AgentEvents} and {@link AgentEventsInEpisode} with JMH's forks; started by {@link bench.Benchmarks} in a JVM whose class path holds
 * {@code grader.jar}, since the forks inherit it and the agent needs the grader's classes. Arguments:
 * {@code <result.json> <forks> <warmup iterations> <iterations> <seconds per iteration> [fork JVM options...]}.
 */
public final class JmhRun {
    private JmhRun() {}

    public static void main(String[] args) throws RunnerException {
        if (args.length < 5) {
            System.err.println("usage: JmhRun <result.json> <forks> <warmups> <iterations> <seconds> [fork JVM options...]");
            System.exit(2);
        }
        int seconds = Integer.parseInt(args[4]);
        Options options = new OptionsBuilder()
                .include("bench\\.jmh\\.AgentEvents.*\\.")
                .forks(Integer.parseInt(args[1]))
                .warmupIterations(Integer.parseInt(args[2]))
                .measurementIterations(Integer.parseInt(args[3]))
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend(Arrays.copyOfRange(args, 5, args.length))
                .resultFormat(ResultFormatType.JSON)
                .result(args[0])
                .shouldFailOnError(true)
                .build();
        new Runner(options).run();
    }
}
