package grader.hidden.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.processes.IsolatedRunner;
import course.processes.Job;
import course.processes.JobResult;
import grader.checks.processes.GuardedCall;
import grader.probes.ChildJob;
import grader.probes.JobHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests: the hostile jobs of the issue (System.exit(3), never ends, ignores SIGTERM, megabytes of output,
 * out of memory) mixed in one call. Each call runs on a helper thread with a fallback, so a runner that never
 * returns fails here with a reason instead of hanging; the children it left are killed.
 */
@Tag("hidden")
class ProcessesHiddenTest {
    private static final String NL = System.lineSeparator();
    private static final long MEGABYTES = 2L * 1024 * 1024;

    private static Job job(String... args) {
        return new Job(ChildJob.class.getName(), Arrays.asList(args));
    }

    private static List<JobResult> guarded(List<Job> jobs, int maxProcesses, Duration timeout) throws InterruptedException {
        return guarded(jobs, maxProcesses, timeout, GuardedCall.STUCK_FALLBACK);
    }

    /** Calls {@code runAll} on a helper thread; fails when it has not returned after {@code fallback}, killing its children. */
    private static List<JobResult> guarded(List<Job> jobs, int maxProcesses, Duration timeout, Duration fallback)
            throws InterruptedException {
        GuardedCall call = new GuardedCall().start(jobs, maxProcesses, timeout, null);
        try {
            if (!call.await(fallback)) {
                fail("runAll did not return; " + call.newChildrenAlive() + " of its child processes were still alive");
            }
            List<JobResult> results = call.result();
            assertEquals(0, call.aliveAtReturn(), "child processes still alive when runAll returned");
            return results;
        } finally {
            call.stop();
        }
    }

    /**
     * The timeouts of the calls whose jobs must time out, in the order they are tried. A job that should finish but is
     * cut off by the timeout says that its JVM started more slowly than the timeout (a loaded machine), not that the
     * runner is wrong, so the call is made again with three times the timeout; a runner that cuts off finishing jobs
     * fails every attempt. Nothing is decided by how long anything took, only by how each job ended.
     */
    static final List<Duration> TIMEOUTS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(18));

    /** The fallback for a call with this timeout: its jobs that time out take that long before the check's own margin. */
    private static Duration fallbackFor(Duration timeout) {
        return timeout.plus(GuardedCall.STUCK_FALLBACK);
    }

    @Test
    void exitOutOfMemoryAndNormalJobsEachGiveTheirOwnResult() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            // One of each: an exit code, an OutOfMemoryError, and a normal job after them that is not disturbed.
            List<JobResult> results = guarded(List.of(job("exit"), job("oom"), job("hold", port, "2")), 2, Duration.ofSeconds(60));
            assertEquals(new JobResult(3, "exiting" + NL, false), results.get(0), "System.exit(3) in the child");
            assertEquals(1, results.get(1).exitCode(), "an uncaught OutOfMemoryError ends the child with exit code 1");
            assertEquals("allocating" + NL, results.get(1).stdout());
            assertEquals(false, results.get(1).timedOut());
            assertEquals(new JobResult(0, "job 2" + NL, false), results.get(2));
        }
    }

    @Test
    void aNeverEndingJobTimesOutWhileTheOthersFinish() throws InterruptedException {
        for (Duration timeout : TIMEOUTS) {
            try (JobHub hub = JobHub.start()) {
                String port = String.valueOf(hub.port());
                List<JobResult> results = guarded(List.of(job("sleep", port, "0"), job("exit")), 2, timeout, fallbackFor(timeout));
                assertTrue(results.get(0).timedOut(), "the job that never ends: " + results.get(0));
                assertEquals(-1, results.get(0).exitCode());
                if (results.get(1).timedOut() && !timeout.equals(TIMEOUTS.get(TIMEOUTS.size() - 1))) {
                    continue; // the exiting job's JVM had not ended inside this timeout: try a longer one
                }
                assertEquals(new JobResult(3, "exiting" + NL, false), results.get(1),
                        "the job that exits by itself, with a timeout of " + timeout.toSeconds() + " s");
                return;
            }
        }
    }

    /**
     * A job that ignores the polite stop ({@code Process.destroy()}, SIGTERM: its shutdown hook never returns) is still
     * ended after its timeout. Its hook is in place before it says hello to the hub; a job stopped before that (its JVM
     * still starting when the timeout came) shows nothing, and the call is made again with a longer timeout. It runs
     * alone: that a job which ends by itself is not cut off by another's timeout is shown once, in
     * {@link #aNeverEndingJobTimesOutWhileTheOthersFinish()}.
     */
    @Test
    void aJobThatIgnoresThePoliteStopIsStillEnded() throws InterruptedException {
        for (Duration timeout : TIMEOUTS) {
            try (JobHub hub = JobHub.start()) {
                String port = String.valueOf(hub.port());
                List<JobResult> results = guarded(List.of(job("stubborn", port, "0")), 2, timeout, fallbackFor(timeout));
                assertEquals(-1, results.get(0).exitCode(), "the job that never ends and ignores SIGTERM: " + results.get(0));
                assertTrue(results.get(0).timedOut(), "the job that never ends and ignores SIGTERM: " + results.get(0));
                boolean armed = hub.children().stream().anyMatch(c -> "stubborn".equals(c.mode()));
                if (armed) {
                    return;
                }
                // it was stopped before its hook was in place: nothing shown yet, so again with a longer timeout
            }
        }
    }

    @Test
    void megabytesOfOutputArriveWhole() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            List<JobResult> results = guarded(List.of(job("flood", port, "0", String.valueOf(MEGABYTES))), 1, Duration.ofSeconds(60));
            assertEquals(MEGABYTES, results.get(0).stdout().length(), "every byte of the flood");
            assertEquals(0, results.get(0).exitCode());
        }
    }

    @Test
    void manyJobsWithOneProcessAtATimeKeepTheirOrder() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            List<Job> jobs = new ArrayList<>();
            List<JobResult> expected = new ArrayList<>();
            // Two are enough: the second waits for the first's process to end, and comes second.
            for (int i = 0; i < 2; i++) {
                jobs.add(job("hold", port, String.valueOf(i)));
                expected.add(new JobResult(0, "job " + i + NL, false));
            }
            assertEquals(expected, guarded(jobs, 1, Duration.ofSeconds(60)));
        }
    }

    @Test
    void emptyInputAndBadArguments() {
        assertEquals(List.of(), IsolatedRunner.runAll(List.of(), 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> IsolatedRunner.runAll(List.of(job("exit")), -1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> IsolatedRunner.runAll(List.of(job("exit")), 1, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> IsolatedRunner.runAll(java.util.Arrays.asList(job("exit"), null), 1, Duration.ofSeconds(1)));
    }
}
