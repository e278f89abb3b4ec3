package grader.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule book's index: every concern, in the order a verdict asks them. The early rules come before any evidence; for
 * one observation, a pipeline's stages decide alone, else the model and then the concerns of its use; a wrong size is
 * named across all observations; how the call ended comes last. The maintainers' verdict table is this list.
 */
public final class RuleBook {
    private RuleBook() {}

    static final List<Concern<?>> CONCERNS;

    static {
        List<Concern<?>> all = new ArrayList<>();
        all.add(EarlyVerdicts.EARLY);
        all.add(StageRules.STAGES);
        all.add(ModelRules.MODEL);
        all.addAll(UseRules.CONCERNS);
        all.add(UseRules.SIZE_NAMES);
        all.add(ModelRules.ENDING);
        CONCERNS = List.copyOf(all);
    }

    /**
     * {@return the verdict table of the maintainers' guide, in Markdown} One row per declared rule, in the order the
     * rule book asks them: the id, its concern and its description. docs/maintainers.md holds this table as it is.
     */
    public static String verdictTable() {
        StringBuilder b = new StringBuilder("| verdict id | concern | evidence that decides it |\n|---|---|---|\n");
        for (Concern<?> concern : CONCERNS) {
            for (Rule<?> rule : concern.rules()) {
                b.append("| `").append(rule.id().id()).append("` | ").append(concern.name()).append(" | ")
                        .append(rule.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return b.toString();
    }
}
