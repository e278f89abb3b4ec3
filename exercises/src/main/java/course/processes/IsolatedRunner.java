package course.processes;

import java.time.Duration;
import java.util.List;

/**
 * Exercise {@code processes}: run jobs that may crash, hang, call {@code System.exit} or flood their output,
 * each in a child JVM of its own, the Java translation of Python's {@code multiprocessing}.
 *
 * <p>In Java, child processes are not the way to use more cores (threads already run in parallel): they are
 * the way to <em>isolate</em> code you do not trust. A job that calls {@code System.exit(3)}, never ends or
 * runs out of memory must not take the caller down with it. See {@code exercises/docs/processes.md} for the
 * task, the models that fit and what the grader observes.
 */
public final class IsolatedRunner {

    /** No instances: the exercise is one static method. */
    private IsolatedRunner() {
    }

    /**
     * Runs every job in a child JVM of its own, at most {@code maxProcesses} alive at once, and returns how
     * each ended, in the order of {@code jobs}.
     *
     * <p><strong>The child.</strong> Job {@code j} runs as one child process
     * {@code <java> -cp <class path> j.mainClass() j.args()...}, where {@code <java>} is the program of this
     * JVM ({@code ProcessHandle.current().info().command()}, or {@code bin/java} under the
     * {@code java.home} system property) and {@code <class path>} is this JVM's
     * {@code java.class.path} system property. Never run a job's {@code main} in this JVM: a job may call
     * {@code System.exit}, and that would end the caller too.
     *
     * <p><strong>Bound.</strong> At most {@code maxProcesses} children are alive at any moment. The bound is
     * also used: while jobs are waiting, a new child starts as soon as fewer than {@code maxProcesses} are
     * alive, so when there are that many jobs, that many children run side by side.
     *
     * <p><strong>Timeout.</strong> Each child gets {@code timeout} from its own start. A child still alive
     * then is killed ({@code destroyForcibly}), and its result is {@code JobResult(-1, output so far, true)}.
     * Killed means ended whatever the job does: a job may ignore the polite stop ({@code destroy()}, which sends
     * SIGTERM; say its shutdown hook never returns), and it must still be ended, and gone before you return.
     * Otherwise the result is {@code JobResult(exit code, output, false)}; a child that exits with a
     * non-zero code (a {@code System.exit(3)}, an uncaught {@code OutOfMemoryError}) is a result, not an
     * exception.
     *
     * <p><strong>Output.</strong> A child's standard output is read while the child runs, decoded as UTF-8,
     * and kept whole, whatever its size (megabytes included). A child that fills its output pipe blocks until
     * someone reads it, so waiting for the child before reading its output never ends. Its standard error
     * is not part of the result; read or discard it too ({@code Redirect.DISCARD}), so it cannot block the
     * child either.
     *
     * <p><strong>Clean-up.</strong> When this method returns, no child it started is alive, and no thread or
     * executor it started is still running.
     *
     * <p><strong>Arguments.</strong> Checked first, before any child starts. An empty {@code jobs} gives an
     * empty list and starts no child.
     *
     * <p><strong>Grading.</strong> The grader observes every child started (its command line), how many are
     * alive at once, which are still alive when this method returns, which ignored a polite stop, whether a job ran
     * in this JVM instead,
     * and where your threads wait when a child never ends or floods its output. It never judges by the clock.
     *
     * @param jobs         the jobs, in the order of the result
     * @param maxProcesses most children alive at once
     * @param timeout      how long each child may run before it is killed
     * @return one result per job, in the order of {@code jobs}
     * @throws NullPointerException     if {@code jobs}, an element of {@code jobs} or {@code timeout} is
     *                                  {@code null}
     * @throws IllegalArgumentException if {@code maxProcesses < 1} or {@code timeout} is zero or negative
     */
    public static List<JobResult> runAll(List<Job> jobs, int maxProcesses, Duration timeout) {
        throw new UnsupportedOperationException("TODO");
    }
}
