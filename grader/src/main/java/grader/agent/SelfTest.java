package grader.agent;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The install check (BlockHound's {@code testInstrumentation()}): after install, canaries start a platform thread,
 * a pool worker, a virtual thread, build a {@code ThreadPoolExecutor} and a {@code ForkJoinPool}, and try a process
 * that can't start; each must reach the sinks exactly once. An unnoticed miss would read as "no threads were
 * created", a wrong verdict, so a miss becomes a grader error instead.
 */
final class SelfTest {
    static final String CANARY = "grader-agent-selftest";
    private static final long TIMEOUT_MS = 10_000;

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Object[]> pools = new CopyOnWriteArrayList<>();
    private final List<String[]> processes = new CopyOnWriteArrayList<>();
    private final List<String> waits = new CopyOnWriteArrayList<>();

    void threadStarted(Thread thread) {
        threads.add(thread);
    }

    void poolCreated(Object pool, String kind, int core, int max) {
        pools.add(new Object[] {pool, kind, core, max});
    }

    void processStarting(String[] command) {
        processes.add(command);
    }

    void threadWaiting(String how) {
        if (Thread.currentThread().getName().equals(WAIT_CANARY)) {
            waits.add(how);
        }
    }

    /** The thread whose sleep and join the self-test expects to see. */
    static final String WAIT_CANARY = CANARY + "-waiter";

    /**
     * Runs the canaries on the calling thread.
     *
     * @param log what Byte Buddy reported during install
     * @param types the JDK types that must have been transformed
     * @return what did not fire, one phrase each; empty when every probe works
     */
    List<String> run(InstallLog log, Collection<String> types) throws InterruptedException {
        List<String> problems = new ArrayList<>(log.errors());
        ClassLoader hub = Sinks.bootLoader();
        if (hub != null) {
            problems.add("the boot classes (grader.agent.boot) were defined by " + hub + " instead of the bootstrap class loader,"
                    + " so the JDK's classes can't reach it (something named it before premain appended it)");
        }
        for (String type : types) {
            if (!log.transformed().contains(type)) {
                problems.add(type + " was not transformed");
            }
        }

        Thread platform = new Thread(SelfTest::idle, CANARY + "-platform");
        platform.start();
        platform.join(TIMEOUT_MS);
        expectOnce(platform, "a platform thread started with Thread.start()", problems);

        AtomicReference<Thread> worker = new AtomicReference<>();
        ThreadPoolExecutor tpe = new ThreadPoolExecutor(1, 2, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread t = new Thread(task, CANARY + "-worker");
            worker.set(t);
            return t;
        });
        try {
            tpe.execute(SelfTest::idle);
        } finally {
            tpe.shutdown();
        }
        tpe.awaitTermination(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        expectOnce(worker.get(), "a pool worker started with Thread.start(ThreadContainer)", problems);
        expectPool(tpe, "tpe", 1, 2, "new ThreadPoolExecutor(1, 2, ...)", problems);

        Thread virtual = Thread.ofVirtual().name(CANARY + "-virtual").unstarted(SelfTest::idle);
        virtual.start();
        virtual.join(TIMEOUT_MS);
        expectOnce(virtual, "a virtual thread started with VirtualThread.start()", problems);

        ForkJoinPool fjp = new ForkJoinPool(3);
        fjp.shutdown();
        expectPool(fjp, "fjp", 3, 3, "new ForkJoinPool(3)", problems);

        // Reading stdin from a file in a directory that doesn't exist fails inside ProcessImpl.start, before any fork.
        String program = CANARY + "-no-such-program";
        File noSuchFile = new File(new File(System.getProperty("java.io.tmpdir"), CANARY + "-" + System.nanoTime()), "stdin");
        try {
            new ProcessBuilder(program).redirectInput(noSuchFile).start().destroyForcibly();
        } catch (IOException expected) {
            // the probe fires on entry
        }
        if (processes.stream().noneMatch(command -> command.length > 0 && command[0].equals(program))) {
            problems.add("ProcessBuilder.start() did not reach the probe in java.lang.ProcessImpl.start");
        }

        // Thread.sleep and Thread.join, seen from a canary thread of its own so no other wait counts.
        Thread waiter = new Thread(() -> {
            try {
                Thread.sleep(0);
                Thread done = new Thread(SelfTest::idle, CANARY + "-joined");
                done.start();
                done.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, WAIT_CANARY);
        waiter.start();
        waiter.join(TIMEOUT_MS);
        if (!waits.contains("sleep")) {
            problems.add("Thread.sleep did not reach the probe in java.lang.Thread.sleep");
        }
        if (!waits.contains("join")) {
            problems.add("Thread.join did not reach the probe in java.lang.Thread.join");
        }
        return problems;
    }

    private void expectOnce(Thread thread, String what, List<String> problems) {
        long seen = threads.stream().filter(t -> t == thread).count();
        if (thread == null || seen == 0) {
            problems.add("no start was seen for " + what);
        } else if (seen > 1) {
            problems.add("the start of " + what + " was seen " + seen + " times");
        }
    }

    private void expectPool(Object pool, String kind, int core, int max, String what, List<String> problems) {
        List<Object[]> seen = pools.stream().filter(p -> p[0] == pool).toList();
        if (seen.isEmpty()) {
            problems.add("no pool creation was seen for " + what);
        } else if (seen.size() > 1) {
            problems.add(what + " was seen " + seen.size() + " times");
        } else if (!kind.equals(seen.get(0)[1]) || core != (Integer) seen.get(0)[2] || max != (Integer) seen.get(0)[3]) {
            Object[] p = seen.get(0);
            problems.add(what + " was seen as " + p[1] + " " + p[2] + " " + p[3]);
        }
    }

    private static void idle() {}
}
