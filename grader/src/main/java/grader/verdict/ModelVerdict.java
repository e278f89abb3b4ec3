package grader.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import grader.values.Evidence;
import grader.values.Site;
import java.util.List;
import java.util.Objects;

/**
 * The concurrency-model verdict for one exercise: the model that ran and the flaws found on it, with the evidence in
 * numbers, why that is right or wrong for this kind of work, a hint, and the learner's line that did it. Only the
 * rule book ({@link ModelRules}, {@link EarlyVerdicts}) builds one.
 *
 * <p>Points: an expected model with no flaw earns all the model points, a warned model its share, and any flaw costs
 * them all unless the spec gives that flaw a share.
 *
 * @param model    what ran, as the evidence shows it; null when no model could be seen (the code did not compile, the
 *                 stub still throws, no watched call was made)
 * @param flaws    what went wrong, in the order the rule book found it; empty when nothing did
 * @param severity {@code info} (expected, no flaw), {@code warn} (works, not what the exercise teaches), {@code fail}
 *                 (report.json's words)
 * @param share    the share of the model points earned, 0 to 1
 * @param summary  the evidence of the first flaw (or of the model) in one or two sentences, with numbers
 * @param why      why this model or flaw is right or wrong for this work
 * @param hint     what to do next (null when nothing is to be done)
 * @param site     the learner's source line behind the verdict, if known
 * @param evidence every observation the verdict was decided from
 */
public record ModelVerdict(VerdictId model, List<Flaw> flaws, Severity severity, double share, String summary, String why,
                           String hint, Site site, List<Evidence> evidence) {
    public ModelVerdict {
        flaws = List.copyOf(flaws);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(severity, "severity");
        if (model == null && flaws.isEmpty()) {
            throw new IllegalArgumentException("a verdict names a model, a flaw, or both");
        }
        if (model != null && !model.isModel() || flaws.stream().anyMatch(f -> f.id().isModel())) {
            throw new IllegalArgumentException("model " + model + " and flaws " + flaws + " mix up models and flaws");
        }
    }

    /**
     * A flaw found on the model.
     *
     * @param id       its stable id
     * @param sentence what went wrong, with its numbers
     * @param evidence the observation that showed it ("12 requests, maxWorkers = 3"), or null
     * @param site     the learner's source line behind it, if known
     */
    public record Flaw(VerdictId id, String sentence, String evidence, Site site) {
        public Flaw {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * {@return the one id that heads the verdict: the first flaw, or the model when there is none} This is the id
     * schema 1 reports named.
     */
    @JsonIgnore
    public String id() {
        return flaws.isEmpty() ? model.id() : flaws.get(0).id().id();
    }

    /** {@return the model's id, or null when none was seen} */
    @JsonIgnore
    public String modelId() {
        return model == null ? null : model.id();
    }

    /** {@return the flaws' ids, in order} */
    @JsonIgnore
    public List<String> flawIds() {
        return flaws.stream().map(f -> f.id().id()).toList();
    }

    @JsonIgnore
    public boolean expected() {
        return severity == Severity.INFO;
    }
}
