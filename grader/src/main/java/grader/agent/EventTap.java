package grader.agent;

import java.util.function.BiConsumer;

/**
 * Lets the agent jar's own tests see every event the agent records, as (kind, payload) with the kinds of
 * {@link grader.agent.boot.Events}. It only observes: nothing given here reaches the evidence. Public for those tests'
 * child JVMs (another package); the grader never sets it, and learner code can't name it (the sandbox and the run-time
 * lookup refusal).
 */
public final class EventTap {
    private EventTap() {}

    /** Sends every later event to {@code listener} too, before the agent records it; null stops. */
    public static void listen(BiConsumer<String, Object> listener) {
        Sinks.tap = listener;
    }
}
