package grader.verdict;

import grader.values.Site;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One declared rule of the rule book: the verdict id it gives, what it checks, why that verdict is right or wrong for
 * the work, what to do next, when it applies, the sentence that states its evidence (with numbers), and the learner's
 * line behind it. A rule decides from counts, overlaps, thread kinds and sizes only: never a duration. Rules live in
 * ordered lists, one per concern ({@link Concern}); the first rule of a list that applies decides.
 *
 * <p>An exercise's spec may word {@code because} and {@code hint} itself ({@link ExerciseSpec#feedback()}); the rule's
 * words are the default.
 *
 * @param id          the verdict id it gives: a model (what ran) or a flaw (what went wrong)
 * @param description what it checks, in one line (the maintainers' verdict table lists these)
 * @param because     why the verdict is wrong for the work (for a model: when the exercise does not teach it)
 * @param hint        what to do next
 * @param praise      a model's praise when the exercise expects it; null for a flaw
 * @param applies     when it applies
 * @param sentence    the sentence that states its evidence
 * @param site        the learner's line behind it, or null
 * @param <C>         what the rule reads: one observation's evidence, or that evidence with the model already seen
 */
record Rule<C>(VerdictId id, String description, Words because, Words hint, Words praise,
               BiPredicate<C, ExerciseSpec> applies, BiFunction<C, ExerciseSpec, String> sentence,
               Function<C, Site> site) {
    Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, () -> id + ": description");
        Objects.requireNonNull(because, () -> id + ": because");
        Objects.requireNonNull(hint, () -> id + ": hint");
        Objects.requireNonNull(applies, () -> id + ": applies");
        Objects.requireNonNull(sentence, () -> id + ": sentence");
        Objects.requireNonNull(site, () -> id + ": site");
        if (id.isModel() != (praise != null)) {
            throw new IllegalArgumentException(id + ": a model rule has a praise, a flaw rule none");
        }
    }

    /** {@return a rule that names a model} Its because and hint are the defaults: the spec words the models it teaches. */
    static <C> Rule<C> model(VerdictId id, String description, Words praise, BiPredicate<C, ExerciseSpec> applies,
                             BiFunction<C, ExerciseSpec, String> sentence, Function<C, Site> site) {
        return new Rule<>(id, description, Words.NOT_TAUGHT, Words.USE_INSTEAD, praise, applies, sentence, site);
    }

    /** {@return a rule that names a flaw} */
    static <C> Rule<C> flaw(VerdictId id, String description, Words because, Words hint, BiPredicate<C, ExerciseSpec> applies,
                            BiFunction<C, ExerciseSpec, String> sentence, Function<C, Site> site) {
        return new Rule<>(id, description, because, hint, null, applies, sentence, site);
    }
}
