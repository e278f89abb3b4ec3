package grader.verdict;

import grader.values.Evidence;
import grader.values.Site;
import java.util.List;

/**
 * The concurrency-model verdict for one exercise: what was observed, with its numbers, why that is
 * right or wrong for this kind of work, a hint, and the learner's line that did it.
 *
 * @param id       stable verdict id (DESIGN.md section 4 vocabulary, extended, never renamed)
 * @param severity {@code info} (expected), {@code warn} (works, not what the exercise teaches), {@code fail}
 * @param share    the share of the model points earned, 0 to 1
 * @param summary  the evidence in one or two sentences, with numbers
 * @param why      why this model is right or wrong for this work
 * @param hint     what to do next (null when nothing is to be done)
 * @param site     the learner's source line behind the verdict, if known
 * @param evidence every observation the verdict was decided from
 */
public record ModelVerdict(String id, String severity, double share, String summary, String why, String hint,
                           Site site, List<Evidence> evidence) {
    public ModelVerdict {
        evidence = List.copyOf(evidence);
    }

    public boolean expected() {
        return "info".equals(severity);
    }
}
