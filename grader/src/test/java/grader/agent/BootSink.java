package grader.agent;

import grader.agent.boot.Events;
import java.util.function.BiConsumer;

/**
 * The boot classes' one sink for the in-process advice tests (no agent: the boot classes are ordinary classes here).
 * {@link Events} takes one sink per JVM, so it is installed once, with {@link #TOKEN} and the tests' sample classes as
 * the "JDK" callers; each test points it at its own recorder with {@link #to}.
 */
final class BootSink {
    private BootSink() {}

    /** The token the tests weave into their learner samples. */
    static final long TOKEN = 0x5EED_0F_7E57L;

    private static volatile BiConsumer<String, Object> current;

    static {
        // Samples stand in for the JDK classes: nested classes of the test classes, redefined in a child loader.
        Events.install(TOKEN, c -> c.getName().startsWith(AdviceTest.class.getName() + "$"),
                (kind, payload) -> {
                    BiConsumer<String, Object> c = current;
                    if (c != null) {
                        c.accept(kind, payload);
                    }
                });
    }

    /** Sends every later event to {@code sink} (null: drops them). */
    static void to(BiConsumer<String, Object> sink) {
        current = sink;
    }
}
