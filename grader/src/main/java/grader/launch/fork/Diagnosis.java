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
 * solution, and the test runs on, looked at again each window, up to its limit (the ceiling). A hung test is described (the
 * threads of a deadlock with the locks they wait for and the learner's lines, else where the test's thread is), sent
 * as report entries while the threads are still where they hung, and then interrupted. One still running
 * {@link #DEAF_AFTER} later ignores interrupts: the grader is told at once ({@link #DEAF_KEY}) and ends this JVM.
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
            }
            long now = System.nanoTime();
            long elapsed = now - r.startNanos();
            Budgets.Budget budget = r.budget();
            if (interruptedAt != 0) {
                // A test that ended at the interrupt may take a while to unwind and report on a busy machine: the wait
                // before calling it deaf grows with the load, as the budgets do (it bounds a cost, never a verdict).
                if (!deafSent && now - interruptedAt >= DEAF_AFTER.toNanos() * Budgets.loadScale()) {
                    deafSent = true;
                    channel.send(ForkEvent.entry(r.test().getUniqueId(), DEAF_KEY, r.timedOut().get()));
                }
                continue;
            }
            if (elapsed < budget.time().toNanos()) {
                continue;
            }
            boolean hung;
            if (elapsed >= budget.limit().toNanos()) {
                hung = true;
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
            }
            if (hung) {
                String why = budget.describe() + (elapsed > budget.time().toNanos() + PROGRESS_WINDOW.toNanos() * 3 / 2
                        ? " (run on to " + Budgets.seconds(java.time.Duration.ofNanos(elapsed).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                                + " while its threads kept working)" : "");
                String where = describe(r.thread());
                if (listener.interruptIfRunning(r, why, () -> {
                    channel.send(ForkEvent.entry(r.test().getUniqueId(), TIMEOUT_KEY, why));
                    if (where != null) {
                        channel.send(ForkEvent.entry(r.test().getUniqueId(), KEY, where));
                    }
                })) {
                    interruptedAt = System.nanoTime();
                }
            }
        }
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
