package grader.probes;

/**
 * A thread as a map key, by identity. {@code Thread.hashCode} and {@code equals} are not final: a learner's
 * {@code Thread} subclass may override them, and the grader's bookkeeping runs inside the agent's sinks, where the
 * grader's guards stand aside; keyed by the thread itself, a map would run the learner's code there.
 */
record ThreadKey(Thread thread) {
    static ThreadKey of(Thread thread) {
        return new ThreadKey(thread);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThreadKey k && k.thread == thread;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(thread);
    }

    @Override
    public String toString() {
        return "ThreadKey[" + thread.getName() + "]";
    }
}
