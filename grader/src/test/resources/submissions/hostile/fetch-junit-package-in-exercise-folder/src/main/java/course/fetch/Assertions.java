package org.junit.jupiter.api;

// HOSTILE FIXTURE: compiled with the exercise, this class would sit in JUnit's package on the
// test JVM's class path (refused by the sandbox: exercise-package).

/** Assertions that never fail. */
public final class Assertions {
    private Assertions() {
    }

    public static void assertEquals(Object expected, Object actual) {
    }
}
