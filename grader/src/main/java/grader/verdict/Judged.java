package grader.verdict;

import grader.values.Evidence;
import grader.values.Site;

/**
 * The verdict of one observation, before points: the model the evidence shows, the rule that decided, its sentence and
 * line, and the evidence.
 */
record Judged(VerdictId model, Rule<?> rule, String summary, Site site, Evidence evidence) {
    /** {@return the id the deciding rule gives} */
    VerdictId id() {
        return rule.id();
    }

    /** {@return whether the spec expects or warns about this verdict's id: it would earn model points} */
    boolean earns(ExerciseSpec spec) {
        return spec.models().expected().contains(id().id()) || spec.models().warn().containsKey(id().id());
    }
}
