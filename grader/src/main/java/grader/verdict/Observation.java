package grader.verdict;

import grader.values.Evidence;
import java.util.Objects;

/**
 * One model check's evidence and how the learner's call it watched ended. Evidence from a call that did not return by
 * itself (its test ran out of time and was interrupted) shows what the code did once stopped, not how it does the
 * work: the rule book gives it no model points.
 *
 * @param evidence what the check observed
 * @param ending   how the watched call ended
 */
public record Observation(Evidence evidence, Ending ending) {
    public Observation {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(ending, "ending");
    }

    /** How a watched call ended. */
    public enum Ending {
        /** The call returned or threw by itself, within its test's time. */
        BY_ITSELF,
        /** Its test ran out of time and was interrupted: whatever the evidence shows came after the grader stepped in. */
        TIMED_OUT
    }

    /**
     * A model check whose watched call never returned and that left no evidence: its test ran out of time, and the test
     * JVM was stopped (the call ignored the interrupt) before the check could report.
     *
     * @param check the check's name, as the report shows it
     * @param site  the learner's line the test's thread was at, or null
     */
    public record Unreturned(String check, grader.values.Site site) {
        public Unreturned {
            Objects.requireNonNull(check, "check");
        }
    }

    /** {@return evidence from a call that ended by itself} */
    public static Observation byItself(Evidence evidence) {
        return new Observation(evidence, Ending.BY_ITSELF);
    }
}
