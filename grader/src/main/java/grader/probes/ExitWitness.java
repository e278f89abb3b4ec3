package grader.probes;

import java.util.function.BiConsumer;

/** Tells the grader, before the JVM goes, that learner code asked it to exit. */
public final class ExitWitness {
    private ExitWitness() {}

    private static volatile BiConsumer<String, Integer> listener;

    /** Installed by the test JVM's main, which forwards the event over the private channel. */
    public static void listen(BiConsumer<String, Integer> l) {
        listener = l;
    }

    static void exitRequested(String how, int status) {
        BiConsumer<String, Integer> l = listener;
        if (l != null) {
            l.accept(how, status);
        }
    }
}
