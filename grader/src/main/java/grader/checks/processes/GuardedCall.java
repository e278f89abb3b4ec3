package grader.checks.processes;

import course.processes.Job;
import course.processes.JobResult;
import course.processes.IsolatedRunner;
import grader.probes.Episode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Calls the learner's {@code runAll} on a helper thread, so that a call that never returns (no kill on
 * timeout, a pipe deadlock) is diagnosed instead of hanging the test. The fallback is a safety net of the
 * failing path only: a right solution returns long before it, and no verdict is decided by it; what the
 * check reports is what it then sees (children alive, where the caller waits).
 */
public final class GuardedCall {
    /** Far above what a right solution needs for a few child JVMs on a loaded machine. */
    public static final Duration STUCK_FALLBACK = Duration.ofSeconds(20);

    private final Set<Long> before = childPids();
    private final Set<Long> threadsBefore = java.util.Arrays.stream(java.lang.management.ManagementFactory.getThreadMXBean().getAllThreadIds())
            .boxed().collect(Collectors.toSet());
    private final CompletableFuture<Episode> begun = new CompletableFuture<>();
    private final CompletableFuture<List<JobResult>> done = new CompletableFuture<>();
    private volatile long aliveAtReturn;
    private Thread caller;

    /** {@return the pids of this JVM's live child processes} */
    static Set<Long> childPids() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /**
     * Starts the call. {@code begin} opens the episode on the caller thread (null: no episode, for hidden tests).
     */
    public GuardedCall start(List<Job> jobs, int maxProcesses, Duration timeout, Function<Thread, Episode> begin) {
        caller = Thread.ofPlatform().name("processes-caller").start(() -> {
            Episode episode = begin == null ? null : begin.apply(Thread.currentThread());
            begun.complete(episode);
            try {
                List<JobResult> result = IsolatedRunner.runAll(jobs, maxProcesses, timeout);
                aliveAtReturn = newChildrenAlive();
                if (episode != null) {
                    episode.returned();
                }
                done.complete(result);
            } catch (Throwable t) {
                aliveAtReturn = newChildrenAlive();
                if (episode != null) {
                    episode.threw(t);
                }
                done.completeExceptionally(t);
            }
        });
        return this;
    }

    /** {@return the episode the caller thread began, or null} */
    public Episode episode() {
        return begun.join();
    }

    /** {@return child processes started during the call and alive now} */
    public long newChildrenAlive() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).filter(p -> !before.contains(p.pid())).count();
    }

    /** {@return children started during the call still alive when it returned or threw} */
    public long aliveAtReturn() {
        return aliveAtReturn;
    }

    /**
     * Waits for the call to return, at most {@code fallback}.
     *
     * @return true when it returned or threw; false when it is still running
     */
    public boolean await(Duration fallback) throws InterruptedException {
        try {
            done.get(fallback.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** {@return the call's result; rethrows what it threw} */
    public List<JobResult> result() {
        try {
            return done.getNow(null);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** {@return true for a thread that existed before this call (an earlier test's, say): not this call's} */
    public boolean olderThanTheCall(long threadId) {
        return threadsBefore.contains(threadId);
    }

    /** {@return the thread that calls {@code runAll}} */
    public Thread caller() {
        return caller;
    }

    /** Kills every process started during the call (and their descendants), then interrupts the caller. */
    public void stop() throws InterruptedException {
        killNewChildren();
        caller.interrupt();
        caller.join(Duration.ofSeconds(10));
        killNewChildren();
    }

    /** Kills every process started during the call that is still alive, with its descendants. */
    public void killNewChildren() {
        ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).forEach(p -> {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // it was sent SIGKILL; nothing more to do
            }
        });
    }
}
