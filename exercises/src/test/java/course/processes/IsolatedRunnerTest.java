package course.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Public tests of {@link IsolatedRunner#runAll}: results only. The jobs are the small {@code main} classes
 * nested here; your code runs each of them in a child JVM. The grader judges the model (bounds, kills,
 * draining, clean-up) separately.
 */
class IsolatedRunnerTest {
    /** Prints its arguments, one per line. */
    static final class Echo {
        public static void main(String[] args) {
            for (String a : args) {
                System.out.println(a);
            }
        }
    }

    /** Exits with the code it is given, after a line. */
    static final class Exit {
        public static void main(String[] args) {
            System.out.println("bye");
            System.exit(Integer.parseInt(args[0]));
        }
    }

    /** Never ends. */
    static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("started");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static final String NL = System.lineSeparator();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Job job(Class<?> main, String... args) {
        return new Job(main.getName(), List.of(args));
    }

    /** Whatever a test left running (a runner that never kills, say) dies with the test, not after it. */
    @AfterEach
    void killLeftoverChildren() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void runsEachJobAndKeepsInputOrder() {
        // Three jobs, two at a time: the third waits for a place and still comes third.
        List<Job> jobs = List.of(job(Echo.class, "a"), job(Echo.class, "b", "c"), job(Echo.class));
        List<JobResult> results = IsolatedRunner.runAll(jobs, 2, TIMEOUT);
        assertEquals(List.of(new JobResult(0, "a" + NL, false), new JobResult(0, "b" + NL + "c" + NL, false),
                new JobResult(0, "", false)), results);
    }

    @Test
    void aJobThatCallsSystemExitGivesItsExitCodeAndTheCallerSurvives() {
        List<JobResult> results = IsolatedRunner.runAll(List.of(job(Exit.class, "3"), job(Echo.class, "still here")), 2, TIMEOUT);
        assertEquals(List.of(new JobResult(3, "bye" + NL, false), new JobResult(0, "still here" + NL, false)), results);
    }

    @Test
    void aJobThatNeverEndsIsKilledAfterTheTimeout() {
        // A generous guard, so that a runner that never kills fails here instead of hanging your IDE.
        List<JobResult> results = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> IsolatedRunner.runAll(List.of(job(Forever.class)), 1, Duration.ofSeconds(2)),
                "runAll did not return long after the 2 s timeout: kill a job that never ends (destroyForcibly)");
        assertEquals(1, results.size());
        assertTrue(results.get(0).timedOut(), "timed out: " + results.get(0));
        assertEquals(-1, results.get(0).exitCode());
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "no child is left alive");
    }

    @Test
    void emptyJobsGiveAnEmptyList() {
        assertEquals(List.of(), IsolatedRunner.runAll(List.of(), 2, TIMEOUT));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> IsolatedRunner.runAll(List.of(job(Echo.class)), 0, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> IsolatedRunner.runAll(List.of(job(Echo.class)), 1, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> IsolatedRunner.runAll(null, 1, TIMEOUT));
        assertThrows(NullPointerException.class, () -> IsolatedRunner.runAll(List.of(job(Echo.class)), 1, null));
    }
}
