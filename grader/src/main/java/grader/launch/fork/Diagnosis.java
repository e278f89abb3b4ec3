package grader.launch.fork;

import grader.probes.LearnerCode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the running test against its budget ({@link Budgets}). At the budget it looks at the threads, not the clock:
 * a deadlock, or no thread runnable in Java code and no thread of this JVM and no child process that used the processor
 * over the last {@link #PROGRESS_WINDOW}, means the test hung; threads still working mean a slow machine or a slow
 * solution, and the test runs on, looked at again each window, up to its limit (the ceiling) or until this JVM's threads
 * have used the test's processor budget since it started (a loop that never ends: processor time, unlike the clock,
 * does not grow with the machine's load). A hung test is described (the
 * threads of a deadlock with the locks they wait for and the learner's lines, else where the test's thread is), sent
 * as report entries while the threads are still where they hung, and then interrupted. It ignores the interrupt when
 * its thread is in a deadlock on monitors (no interrupt ends one), when its thread is seen back in a wait at the
 * learner's line where it hung with its interrupt taken ({@value #BACK_SEEN} looks in a row), or when it is still running
 * {@link #DEAF_AFTER} later (scaled by the load): the grader is told at once ({@link #DEAF_KEY}, with which of these it
 * was) and ends this JVM.
 */
final class Diagnosis implements Runnable {
    /** The report-entry key the grader reads diagnoses from. */
    static final String KEY = "grader.diagnosis";
    /** The report-entry key of the budget a test ran past ({@link Budgets.Budget#describe()}). */
    static final String TIMEOUT_KEY = "grader.timeout";
    /** The report-entry key that tells the grader the running test ignored the interrupt: end this JVM now. */
    static final String DEAF_KEY = "grader.deaf";
    static final java.time.Duration PROGRESS_WINDOW = java.time.Duration.ofSeconds(1);
    static final java.time.Duration DEAF_AFTER = java.time.Duration.ofSeconds(3);
    /** Looks in a row (one each poll) that must find the interrupted thread back in its wait before it is deaf. */
    static final int BACK_SEEN = 2;
    /** The {@link #DEAF_KEY} value for a test whose thread is in a deadlock on monitors after the interrupt. */
    static final String DEAF_DEADLOCK = "its thread is in a deadlock on monitors, which no interrupt ends";
    /** Processor time that counts as work in one window: more than a woken-up sleeper or a lock's spin uses. */
    static final long MIN_WORK_NANOS = 5_000_000L;

    private final StreamingListener listener;
    private final ForkMain.Channel channel;

    Diagnosis(StreamingListener listener, ForkMain.Channel channel) {
        this.listener = listener;
        this.channel = channel;
    }

    /** Processor time used so far by this JVM's threads (but the watcher) and its live child processes. */
    record Work(long threadNanos, java.util.Set<Long> children, long childNanos) {
        static Work now() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().threadId();
            long threads = 0;
            for (long id : mx.getAllThreadIds()) {
                long t = id == self ? -1 : mx.getThreadCpuTime(id);
                threads += Math.max(0, t);
            }
            java.util.Set<Long> children = new java.util.HashSet<>();
            long childNanos = 0;
            for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
                children.add(p.pid());
                childNanos += p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
            }
            return new Work(threads, java.util.Set.copyOf(children), childNanos);
        }

        /** {@return whether anything worked between {@code before} and this} */
        boolean since(Work before) {
            return threadNanos - before.threadNanos >= MIN_WORK_NANOS || !children.equals(before.children)
                    || childNanos - before.childNanos >= MIN_WORK_NANOS;
        }
    }

    /**
     * {@return whether a thread other than this watcher is runnable in Java code} A thread runnable in a native method
     * (a server's {@code epoll} wait, a socket read) or with no Java frames (the JVM's own) waits; one in Java code works,
     * or would if a loaded machine gave it the processor, so it is never taken for hung.
     */
    static boolean runnableInJava() {
        long self = Thread.currentThread().threadId();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            StackTraceElement[] stack = info.getStackTrace();
            if (info.getThreadId() != self && info.getThreadState() == Thread.State.RUNNABLE && stack.length > 0
                    && !stack[0].isNativeMethod()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return whether the test's thread is in a bounded wait of the grader's own harness} (a check that gives the
     * learner's call a set time, then looks at what is alive, as the processes check does): such a test ends by
     * itself with the check's answer, so it is not hung; the ceiling still bounds it. The first frame that is not
     * the JDK's decides: the learner's code waiting is what a budget is for.
     */
    static boolean harnessWaits(Thread testThread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {testThread.threadId()}, false, false)[0];
        if (info == null || info.getThreadState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement e : info.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            return c.startsWith("grader.checks.") && !LearnerCode.isLearner(c);
        }
        return false;
    }

    @Override
    public void run() {
        StreamingListener.Running watched = null;
        Work sample = null;
        long sampledAt = 0;
        long interruptedAt = 0;
        boolean deafSent = false;
        StackTraceElement hungAt = null;
        int backSeen = 0;
        while (true) {
            try {
                Thread.sleep(100); // a watchdog's poll, not synchronisation: nothing waits on it
            } catch (InterruptedException e) {
                return;
            }
            StreamingListener.Running r = listener.running();
            if (r == null) {
                continue;
            }
            if (r != watched) {
                watched = r;
                sample = null;
                interruptedAt = 0;
                deafSent = false;
                hungAt = null;
                backSeen = 0;
            }
            long now = System.nanoTime();
            long elapsed = now - r.startNanos();
            Budgets.Budget budget = r.budget();
            if (interruptedAt != 0) {
                if (deafSent) {
                    continue;
                }
                // Evidence first: a deadlock on monitors, or the thread back in its wait with the interrupt taken.
                String deaf = null;
                if (inMonitorDeadlock(r.thread())) {
                    deaf = DEAF_DEADLOCK;
                } else if (hungAt != null && backWhereItHung(r.thread(), hungAt)) {
                    if (++backSeen >= BACK_SEEN) {
                        deaf = "its thread took the interrupt and went back to waiting at " + frame(hungAt)
                                + ": look for a loop that catches InterruptedException and carries on";
                    }
                } else {
                    backSeen = 0;
                }
                // Else the clock: a test that ended at the interrupt may take a while to unwind and report on a busy
                // machine, so the wait grows with the load, as the budgets do (it bounds a cost, never a verdict).
                if (deaf == null && now - interruptedAt >= DEAF_AFTER.toNanos() * Budgets.loadScale()) {
                    deaf = "look for a loop that never ends or a wait that never returns";
                }
                if (deaf != null) {
                    deafSent = true;
                    channel.send(ForkEvent.entry(r.test().getUniqueId(), DEAF_KEY, deaf));
                }
                continue;
            }
            if (elapsed < budget.time().toNanos()) {
                continue;
            }
            boolean hung;
            String runaway = null;
            if (elapsed >= budget.limit().toNanos()) {
                hung = true;
            } else if (sample == null && deadlocked()) {
                hung = true; // certain at once: no window needed
            } else if (sample == null) {
                sample = Work.now();
                sampledAt = now;
                continue;
            } else if (now - sampledAt < PROGRESS_WINDOW.toNanos()) {
                continue;
            } else {
                Work next = Work.now();
                hung = deadlocked() || (!next.since(sample) && !runnableInJava() && !harnessWaits(r.thread()));
                sample = next;
                sampledAt = now;
                long cpu = StreamingListener.processCpu() - r.processCpu();
                if (!hung && budget.cpu() != null && r.processCpu() >= 0 && cpu >= budget.cpu().toNanos()) {
                    hung = true;
                    runaway = " and then its processor budget of " + Budgets.seconds(budget.cpu()) + " (its threads kept working: "
                            + Budgets.seconds(tenths(cpu)) + " of processor time in " + Budgets.seconds(tenths(elapsed))
                            + ", a loop that never ends?)";
                }
            }
            if (hung) {
                String why = budget.describe() + (runaway != null ? runaway
                        : elapsed > budget.time().toNanos() + PROGRESS_WINDOW.toNanos() * 3 / 2
                        ? " (run on to " + Budgets.seconds(java.time.Duration.ofNanos(elapsed).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                                + " while its threads kept working)" : "");
                String where = describe(r.thread());
                StackTraceElement learnerFrame = learnerFrame(r.thread());
                if (listener.interruptIfRunning(r, why, () -> {
                    channel.send(ForkEvent.entry(r.test().getUniqueId(), TIMEOUT_KEY, why));
                    if (where != null) {
                        channel.send(ForkEvent.entry(r.test().getUniqueId(), KEY, where));
                    }
                })) {
                    interruptedAt = System.nanoTime();
                    hungAt = learnerFrame;
                }
            }
        }
    }

    /**
     * {@return whether {@code thread} is in a deadlock on monitors} A thread blocked on entering a monitor ignores
     * interrupts, so a cycle of them never ends.
     */
    static boolean inMonitorDeadlock(Thread thread) {
        long[] ids = ManagementFactory.getThreadMXBean().findMonitorDeadlockedThreads();
        if (ids != null) {
            for (long id : ids) {
                if (id == thread.threadId()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@return the first frame of the learner's code on {@code thread}'s stack, or null} */
    static StackTraceElement learnerFrame(Thread thread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {thread.threadId()}, false, false)[0];
        if (info != null) {
            for (StackTraceElement e : info.getStackTrace()) {
                if (LearnerCode.isLearner(e.getClassName())) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * {@return whether the interrupted {@code thread} is back in a wait (sleeping, waiting, parked) at the learner's
     * {@code line} where it hung, with its interrupt status clear} It took the interrupt and carried on where it was:
     * the swallowing loop's shape. A thread that heeds the interrupt unwinds instead; one that cleans up waits elsewhere.
     */
    static boolean backWhereItHung(Thread thread, StackTraceElement line) {
        if (thread.isInterrupted()) {
            return false; // it has not taken the interrupt yet
        }
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {thread.threadId()}, false, false)[0];
        if (info == null || (info.getThreadState() != Thread.State.TIMED_WAITING && info.getThreadState() != Thread.State.WAITING)
                || thread.isInterrupted()) {
            return false;
        }
        for (StackTraceElement e : info.getStackTrace()) {
            if (LearnerCode.isLearner(e.getClassName())) {
                return e.equals(line);
            }
        }
        return false;
    }

    private static java.time.Duration tenths(long nanos) {
        return java.time.Duration.ofMillis(nanos / 100_000_000L * 100);
    }

    private static boolean deadlocked() {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return ids != null && ids.length > 0;
    }

    static String describe(Thread testThread) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] deadlocked = mx.findDeadlockedThreads();
        if (deadlocked != null && deadlocked.length > 0) {
            List<String> parts = new ArrayList<>();
            for (ThreadInfo info : mx.getThreadInfo(deadlocked, true, false)) {
                if (info != null) {
                    parts.add("thread \"" + info.getThreadName() + "\" waits for " + info.getLockName() + " held by \""
                            + info.getLockOwnerName() + "\"" + at(info.getStackTrace()));
                }
            }
            return "deadlock: " + String.join("; ", parts);
        }
        ThreadInfo info = mx.getThreadInfo(new long[] {testThread.threadId()}, true, false)[0];
        if (info == null) {
            return null;
        }
        String lock = info.getLockName() == null ? "" : " on " + info.getLockName()
                + (info.getLockOwnerName() == null ? "" : " held by \"" + info.getLockOwnerName() + "\"");
        return "when its time ran out, the test's thread was " + info.getThreadState() + lock + at(info.getStackTrace());
    }

    /** {@code Class.method(File.java:12)}, the form IDEs link, without the class loader's name. */
    private static String frame(StackTraceElement e) {
        String where = e.getFileName() == null ? "Unknown Source" : e.getLineNumber() > 0 ? e.getFileName() + ":" + e.getLineNumber() : e.getFileName();
        return e.getClassName() + "." + e.getMethodName() + "(" + where + ")";
    }

    private static String at(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (LearnerCode.isLearner(e.getClassName())) {
                return " at " + frame(e);
            }
        }
        return stack.length == 0 ? "" : " in " + frame(stack[0]);
    }
}
