package org.junit.jupiter.api;

// HOSTILE FIXTURE: shadows JUnit's Assertions so that no assertion can fail
// (refused by the sandbox: no-shadowing).

/** Assertions that never fail. */
public final class Assertions {
    private Assertions() {
    }

    public static void assertEquals(Object expected, Object actual) {
    }

    public static void assertTrue(boolean condition) {
    }
}
