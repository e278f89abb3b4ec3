package grader.verdict;

import grader.values.Evidence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One concern of the rule book (the model, a pool's size, its bounds, its cleanup, isolation, a pipeline's stages): an
 * ordered list of rules, when the concern is asked at all, and why its order is what it is. Judging is the same small
 * loop for every concern: the first rule that applies gives the verdict.
 *
 * @param name     the concern, as the maintainers' guide names it
 * @param order    why the rules come in this order (and why the concern comes where it does)
 * @param when     whether the concern is asked for this observation at all
 * @param rules    its rules, in order
 * @param model    the model the verdict names when a rule of this concern applies
 * @param evidence the observation a verdict of this concern is about (null for the early rules: there is none)
 * @param <C>      what the rules read
 */
record Concern<C>(String name, String order, BiPredicate<C, ExerciseSpec> when, List<Rule<C>> rules, ModelOf<C> model,
                  Function<C, Evidence> evidence) {
    Concern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(order, () -> name + ": order");
        rules = List.copyOf(rules);
    }

    /** The model a verdict of this concern names, from what the rules read and the rule that applied. */
    @FunctionalInterface
    interface ModelOf<C> {
        VerdictId of(C seen, ExerciseSpec spec, Rule<C> rule);
    }

    /** {@return the verdict of the first rule that applies, if the concern is asked and one does} */
    Optional<Judged> judge(C seen, ExerciseSpec spec) {
        if (!when.test(seen, spec)) {
            return Optional.empty();
        }
        for (Rule<C> rule : rules) {
            if (rule.applies().test(seen, spec)) {
                String sentence = rule.sentence().apply(seen, spec);
                if (sentence == null || sentence.isBlank()) {
                    // A verdict with no evidence in words is no verdict: a rule that states nothing is the grader's bug.
                    throw new IllegalStateException("rule " + rule.id() + " of concern \"" + name + "\" stated no sentence");
                }
                return Optional.of(new Judged(model.of(seen, spec, rule), rule, sentence, rule.site().apply(seen),
                        evidence.apply(seen)));
            }
        }
        return Optional.empty();
    }
}
