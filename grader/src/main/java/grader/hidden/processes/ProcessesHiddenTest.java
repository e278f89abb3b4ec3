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
 * Hidden tests: the hostile jobs of the issue (System.exit(3), never ends, megabytes of output, out of
 * memory) mixed in one call. Each call runs on a helper thread with a fallback, so a runner that never
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
        GuardedCall call = new GuardedCall().start(jobs, maxProcesses, timeout, null);
        try {
            if (!call.await(GuardedCall.STUCK_FALLBACK)) {
                fail("runAll did not return; " + call.newChildrenAlive() + " of its child processes were still alive");
            }
            List<JobResult> results = call.result();
            assertEquals(0, call.aliveAtReturn(), "child processes still alive when runAll returned");
            return results;
        } finally {
            call.stop();
        }
    }

    @Test
    void exitOutOfMemoryAndNormalJobsEachGiveTheirOwnResult() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            List<JobResult> results = guarded(List.of(job("exit"), job("hold", port, "1"), job("oom"), job("hold", port, "3")), 2,
                    Duration.ofSeconds(60));
            assertEquals(new JobResult(3, "exiting" + NL, false), results.get(0), "System.exit(3) in the child");
            assertEquals(new JobResult(0, "job 1" + NL, false), results.get(1));
            assertEquals(1, results.get(2).exitCode(), "an uncaught OutOfMemoryError ends the child with exit code 1");
            assertEquals("allocating" + NL, results.get(2).stdout());
            assertEquals(false, results.get(2).timedOut());
            assertEquals(new JobResult(0, "job 3" + NL, false), results.get(3));
        }
    }

    @Test
    void aNeverEndingJobTimesOutWhileTheOthersFinish() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            List<JobResult> results = guarded(List.of(job("sleep", port, "0"), job("exit")), 2, Duration.ofSeconds(2));
            assertTrue(results.get(0).timedOut(), "the job that never ends: " + results.get(0));
            assertEquals(-1, results.get(0).exitCode());
            assertEquals(new JobResult(3, "exiting" + NL, false), results.get(1));
        }
    }

    @Test
    void megabytesOfOutputArriveWhole() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            List<JobResult> results = guarded(List.of(job("flood", port, "0", String.valueOf(MEGABYTES)), job("exit")), 1,
                    Duration.ofSeconds(60));
            assertEquals(MEGABYTES, results.get(0).stdout().length(), "every byte of the flood");
            assertEquals(0, results.get(0).exitCode());
            assertEquals(3, results.get(1).exitCode());
        }
    }

    @Test
    void manyJobsWithOneProcessAtATimeKeepTheirOrder() throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            String port = String.valueOf(hub.port());
            List<Job> jobs = new ArrayList<>();
            List<JobResult> expected = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
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
