package grader.checks.processes;

import grader.values.Counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.processes.Job;
import course.processes.JobResult;
import grader.checks.EvidenceReport;
import grader.probes.ChildJob;
import grader.probes.Episode;
import grader.probes.JobHub;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;

/**
 * Observes how {@code IsolatedRunner.runAll} runs its jobs. Every job is a {@link ChildJob} that reports its
 * pid to the check's {@link JobHub}: a pid equal to the test JVM's means the job ran in-process. The hub holds
 * the first jobs until {@code maxProcesses} are in progress together, so a bounded runner always shows exactly
 * that many and no more; the agent's count of processes started, less the jobs finished, shows an unbounded
 * one. A flood job reports its progress, so a runner that waits before it reads shows a child stuck after the
 * pipe's buffer; a job that never ends and ignores SIGTERM (its shutdown hook never returns) shows a runner that never
 * kills (the job was never asked), one that only asks politely ({@code destroy()}: the job was asked and is alive), and
 * one that returns without ending it. Scenarios run in this order, and the first that is not right decides: a runner
 * stuck on the flood is a pipe deadlock, not a missing kill.
 */
@Tag("model")
@DisplayName("processes: isolation model")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessesModelCheck {
    /** Only the failing path ever waits this long: a right runner opens the rendezvous at once. */
    static final Duration FALLBACK = Duration.ofSeconds(5);
    /** Far above anything the hold and flood scenarios need: none of their jobs may time out. */
    static final Duration LONG_TIMEOUT = Duration.ofSeconds(60);
    /** Several megabytes: far more than any pipe buffer (64 KiB on Linux). */
    static final long FLOOD_BYTES = 3L * 1024 * 1024;

    // Each scenario proves one thing with as few child JVMs as it takes (a child JVM costs about 0.2 CPU-s): the bound
    // and its use by one job more than the limit, the limit followed (not a constant) by a second limit, draining by one
    // flood, the kill by one job that never ends and ignores the polite stop. A never-ending job that heeds SIGTERM
    // adds nothing: a runner that never kills leaves the stubborn job never asked (no-kill), one that only asks leaves
    // it alive after SIGTERM (polite-kill-only), one that returns without waiting leaves it alive (leaked-processes).

    @Test
    @Order(1)
    @DisplayName("3 jobs with maxProcesses = 2 run in 2 child JVMs at a time")
    void twoAtATime(TestReporter reporter) throws InterruptedException {
        hold(3, 2, reporter);
    }

    @Test
    @Order(2)
    @DisplayName("3 jobs with maxProcesses = 3 run in 3 child JVMs at once")
    void threeAtATime(TestReporter reporter) throws InterruptedException {
        hold(3, 3, reporter);
    }

    @Test
    @Order(3)
    @DisplayName("a job that prints 3 MiB has its output read while it runs")
    void floodIsDrained(TestReporter reporter) throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            List<Job> jobs = List.of(job("flood", hub, 0, FLOOD_BYTES));
            List<JobResult> results = observe(hub, jobs, 2, LONG_TIMEOUT, "1 job printing 3 MiB, maxProcesses = 2", reporter, null);
            for (int i = 0; i < results.size(); i++) {
                JobResult r = results.get(i);
                assertEquals(false, r.timedOut(), "job " + i + " prints 3 MiB and ends well before the timeout");
                assertEquals(0, r.exitCode(), "job " + i + " exit code");
                assertEquals(FLOOD_BYTES, r.stdout().length(), "job " + i + ": every byte it printed, in stdout");
                assertTrue(isFlood(r.stdout()), "job " + i + ": its output, unchanged");
            }
        }
    }

    /**
     * The polite stop ({@code Process.destroy()}, SIGTERM) is not enough: a job whose shutdown hook never returns
     * ignores it, and only {@code destroyForcibly()} ends it. A stubborn job installs its hook before it says hello,
     * so a hello means the stop, whenever it came, met the hook; a child stopped before that (its JVM still starting
     * when the timeout came, on a loaded machine) shows nothing about the runner, and the scenario is made again with
     * three times the timeout. Only a conclusive attempt (or the last) is published: the decision rests on what was
     * alive and what the jobs reported, never on how long anything took.
     */
    @Test
    @Order(4)
    @DisplayName("a job that ignores the polite stop (SIGTERM) is still ended after the timeout")
    void jobsThatIgnoreThePoliteStopAreEnded(TestReporter reporter) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            try (JobHub hub = JobHub.start()) {
                List<Job> jobs = List.of(job("stubborn", hub, 0, 0));
                boolean last = attempt == STUBBORN_ATTEMPTS;
                List<JobResult> results = observe(hub, jobs, 2, timeout, "1 job that never ends and ignores SIGTERM, timeout = "
                        + timeout.toSeconds() + " s", reporter, last ? null : h -> allArmed(h, jobs.size()));
                if (!last && !allArmed(hub, jobs.size())) {
                    timeout = timeout.multipliedBy(3);
                    continue;
                }
                for (int i = 0; i < results.size(); i++) {
                    assertEquals(new JobResult(-1, results.get(i).stdout(), true), results.get(i),
                            "job " + i + " never ends and ignores SIGTERM: killed after the timeout, exit code -1");
                }
                return;
            }
        }
    }

    /** How often the stubborn scenario is made, each time with three times the timeout, until every job said hello. */
    static final int STUBBORN_ATTEMPTS = 3;

    /** {@return true when every stubborn job said hello: its hook was in place before any stop could reach it} */
    static boolean allArmed(JobHub hub, int jobs) {
        return hub.children().stream().filter(c -> "stubborn".equals(c.mode())).count() >= jobs;
    }

    private static void hold(int tasks, int maxProcesses, TestReporter reporter) throws InterruptedException {
        try (JobHub hub = JobHub.start()) {
            hub.holdUntil(maxProcesses, FALLBACK, () -> Episode.current().ifPresent(Episode::recordWaits));
            List<Job> jobs = new ArrayList<>();
            List<JobResult> expected = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                jobs.add(job("hold", hub, i, 0));
                expected.add(new JobResult(0, "job " + i + System.lineSeparator(), false));
            }
            List<JobResult> results = observe(hub, jobs, maxProcesses, LONG_TIMEOUT,
                    tasks + " jobs, maxProcesses = " + maxProcesses, reporter, null);
            assertEquals(expected, results, "each job's exit code 0 and its line, in input order");
        }
    }

    static Job job(String mode, JobHub hub, int label, long bytes) {
        List<String> args = new ArrayList<>(List.of(mode, String.valueOf(hub.port()), String.valueOf(label)));
        if (bytes > 0) {
            args.add(String.valueOf(bytes));
        }
        return new Job(ChildJob.class.getName(), args);
    }

    static boolean isFlood(String out) {
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) != (char) ChildJob.floodByte(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Calls {@code runAll} on a helper thread inside an episode; publishes the evidence whatever happens, and
     * leaves no child alive. When the call has not returned by the fallback, records what it sees and fails. A call
     * that returned is published only when {@code conclusive} (null: always) holds for what the hub saw.
     */
    private static List<JobResult> observe(JobHub hub, List<Job> jobs, int maxProcesses, Duration timeout, String scenario,
            TestReporter reporter, java.util.function.Predicate<JobHub> conclusive) throws InterruptedException {
        boolean countStarts = hub.hold() != null;
        GuardedCall call = new GuardedCall().start(jobs, maxProcesses, timeout, caller -> {
            Episode e = Episode.begin("processes", scenario, "job", jobs.size(), "maxProcesses", maxProcesses);
            if (countStarts) {
                hub.countStartsOf(e);
            }
            return e;
        });
        Episode episode = call.episode();
        boolean returned = false;
        try {
            returned = call.await(GuardedCall.STUCK_FALLBACK);
            if (!returned) {
                diagnose(episode, hub, call);
            } else {
                episode.count(Counts.ChildProcesses.ALIVE_AT_RETURN, call.aliveAtReturn());
                // A child that got the polite stop, said so, and is still alive: it ignores SIGTERM.
                episode.count(Counts.ChildProcesses.ALIVE_AFTER_POLITE_STOP, hub.children().stream().filter(c -> c.termed() && c.alive()).count());
            }
        } finally {
            episode.count(Counts.ChildProcesses.PEAK, hub.peak());
            episode.count(Counts.ChildProcesses.JOBS_IN_PROCESS, hub.inProcess());
            episode.count(Counts.ChildProcesses.JOBS_REPORTED, hub.children().size());
            if (hub.hold() != null) {
                episode.count(Counts.ChildProcesses.HOLD_TARGET, hub.hold().target());
                episode.count(Counts.ChildProcesses.HOLD_REACHED, hub.hold().reached() ? 1 : 0);
            }
            if (!returned || conclusive == null || conclusive.test(hub)) {
                EvidenceReport.publish(reporter, episode);
            }
            episode.close();
            hub.close();
            call.stop();
        }
        if (!returned) {
            fail("runAll did not return: " + episode.evidence().counters() + "; its children were killed by the check");
        }
        return call.result();
    }

    /** The call is stuck: which children are alive, how far a flood got, and where the learner's threads wait. */
    private static void diagnose(Episode episode, JobHub hub, GuardedCall call) {
        episode.count(Counts.ChildProcesses.RUN_ALL_STUCK, 1);
        episode.count(Counts.ChildProcesses.STUCK_CHILDREN_ALIVE, call.newChildrenAlive());
        for (JobHub.Child c : hub.children()) {
            if (!c.alive() || c.finished()) {
                continue;
            }
            if ("flood".equals(c.mode()) && c.written() < c.total()) {
                episode.count(Counts.ChildProcesses.STUCK_FLOODERS, 1);
                episode.atLeast(Counts.ChildProcesses.STUCK_FLOOD_WRITTEN, c.written());
                episode.atLeast(Counts.ChildProcesses.STUCK_FLOOD_TOTAL, c.total());
            } else if ("sleep".equals(c.mode()) || ("stubborn".equals(c.mode()) && !c.termed())) {
                // A stubborn job never sent the polite stop is a job never stopped at all.
                episode.count(Counts.ChildProcesses.STUCK_SLEEPERS, 1);
            } else if ("stubborn".equals(c.mode())) {
                episode.count(Counts.ChildProcesses.STUCK_IGNORED_TERM, 1);
            }
        }
        episode.recordWaits();
        int inWaitFor = 0;
        int reading = 0;
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (call.olderThanTheCall(info.getThreadId())) {
                continue;
            }
            boolean learner = false;
            boolean waitFor = false;
            boolean read = false;
            for (StackTraceElement e : info.getStackTrace()) {
                learner |= e.getClassName().startsWith("course.processes.");
                waitFor |= (e.getClassName().equals("java.lang.ProcessImpl") || e.getClassName().equals("java.lang.Process"))
                        && e.getMethodName().equals("waitFor");
                read |= e.getClassName().equals("java.io.FileInputStream") && e.getMethodName().startsWith("read");
            }
            if (learner && waitFor) {
                inWaitFor++;
            }
            if (learner && read) {
                reading++;
            }
        }
        episode.count(Counts.ChildProcesses.STUCK_IN_WAIT_FOR, inWaitFor);
        // A platform thread of yours reading a child's output means the pipe is being drained: not a pipe deadlock.
        episode.count(Counts.ChildProcesses.STUCK_READING_OUTPUT, reading);
    }
}
