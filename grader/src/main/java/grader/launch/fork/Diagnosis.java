package grader.launch.fork;

import grader.probes.LearnerCode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the running test and, once it has run past its timeout without JUnit ending it (the test
 * thread ignored the interrupt), says why it is stuck: the threads
 * of a deadlock with the locks they wait for, who holds them and the learner's lines; otherwise where
 * the test's thread is. Sent as a report entry, so it reaches the grader even if the JVM is killed next.
 */
final class Diagnosis implements Runnable {
    /** The report-entry key the grader reads diagnoses from. */
    static final String KEY = "grader.diagnosis";

    private final StreamingListener listener;
    private final ForkMain.Channel channel;
    private final long timeoutNanos;

    Diagnosis(StreamingListener listener, ForkMain.Channel channel, long timeoutNanos) {
        this.listener = listener;
        this.channel = channel;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void run() {
        StreamingListener.Running diagnosed = null;
        while (true) {
            try {
                Thread.sleep(250); // a watchdog's poll, not synchronisation: nothing waits on it
            } catch (InterruptedException e) {
                return;
            }
            StreamingListener.Running r = listener.running();
            // A second past the timeout: JUnit ends a test that heeds the interrupt before that (and the
            // listener diagnoses it then); one still running now is deaf to it.
            if (r != null && r != diagnosed && System.nanoTime() - r.startNanos() >= timeoutNanos + 1_000_000_000L) {
                diagnosed = r;
                channel.send(ForkEvent.entry(r.test().getUniqueId(), KEY, describe(r.thread())));
            }
        }
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
