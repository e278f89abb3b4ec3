package grader.probes;

/** One call of a learner method under observation (placeholder, being written). */
public final class Episode {
    void threadStarted(Thread thread) {}
    void poolCreated(Object pool, String kind, int core, int max) {}
    void processStarting(String[] command) {}
    void kernelEnter(String kernel) {}
    void kernelExit(String kernel) {}
}
