package bench;

/** The start-up benchmark's JVM: it starts, does nothing, and ends. */
public final class Trivial {
    private Trivial() {}

    public static void main(String[] args) {
        // nothing: what is measured is the JVM (and the agent) starting and stopping
    }
}
