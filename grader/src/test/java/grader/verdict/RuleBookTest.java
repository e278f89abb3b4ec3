package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rule book is one declared list per concern: every verdict id comes from a declared rule, no concern declares an
 * id twice, every rule says what it checks, why, and what to do (for I/O-bound and CPU-bound work alike), an id given
 * in several concerns says the same wherever it is given, and every concern explains its order.
 */
class RuleBookTest {
    static List<Rule<?>> rules() {
        return RuleBook.CONCERNS.stream().flatMap(c -> c.rules().stream()).collect(Collectors.toList());
    }

    @Test
    void everyVerdictIdIsGivenByADeclaredRule() {
        Set<String> given = new TreeSet<>(rules().stream().map(r -> r.id().id()).toList());
        Set<String> known = new TreeSet<>(Arrays.stream(VerdictId.values()).map(VerdictId::id).toList());
        assertEquals(known, given, "every VerdictId must be given by a declared rule of grader.verdict.RuleBook.CONCERNS,"
                + " and every declared rule must give a VerdictId");
    }

    @Test
    void noConcernDeclaresAnIdTwice() {
        List<String> twice = new ArrayList<>();
        for (Concern<?> c : RuleBook.CONCERNS) {
            Map<VerdictId, Long> counts = c.rules().stream().collect(Collectors.groupingBy(Rule::id, Collectors.counting()));
            counts.forEach((id, n) -> {
                if (n > 1) {
                    twice.add("concern \"" + c.name() + "\" declares " + id + " " + n + " times");
                }
            });
        }
        assertEquals(List.of(), twice, "each concern gives an id by one rule: the first that applies decides, so a second"
                + " rule with the same id is an order nobody can see");
    }

    @Test
    void everyRuleSaysWhatItChecksWhyAndWhatToDo() {
        List<String> blank = new ArrayList<>();
        for (Concern<?> c : RuleBook.CONCERNS) {
            for (Rule<?> r : c.rules()) {
                String where = "concern \"" + c.name() + "\", rule " + r.id() + ": ";
                check(blank, where + "description", r.description());
                check(blank, where + "because (io)", r.because().io());
                check(blank, where + "because (cpu)", r.because().cpu());
                check(blank, where + "hint (io)", r.hint().io());
                check(blank, where + "hint (cpu)", r.hint().cpu());
                if (r.id().isModel()) {
                    check(blank, where + "praise (io)", r.praise() == null ? null : r.praise().io());
                    check(blank, where + "praise (cpu)", r.praise() == null ? null : r.praise().cpu());
                } else if (r.praise() != null) {
                    blank.add(where + "a flaw has no praise");
                }
                if (r.sentence() == null || r.applies() == null || r.site() == null) {
                    blank.add(where + "applies, sentence and site are declared");
                }
            }
        }
        assertEquals(List.of(), blank, "every declared rule has a non-blank description, because and hint (a model also a"
                + " praise); its sentence is checked non-blank each time it is stated (Concern.judge)");
    }

    @Test
    void anIdGivenInSeveralConcernsSaysTheSameEverywhere() {
        Map<VerdictId, List<Rule<?>>> byId = rules().stream().collect(Collectors.groupingBy(Rule::id, LinkedHashMap::new, Collectors.toList()));
        List<String> differ = new ArrayList<>();
        byId.forEach((id, rs) -> {
            for (Function<Rule<?>, Object> words : List.<Function<Rule<?>, Object>>of(Rule::because, Rule::hint, Rule::praise)) {
                if (rs.stream().map(words).distinct().count() > 1) {
                    differ.add(id + ": " + rs.stream().map(words).distinct().toList());
                }
            }
        });
        assertEquals(List.of(), differ, "a verdict id means one thing: the rules that give it in different concerns"
                + " (over-limit of a pool and of a pipeline's fetch stage) say the same because, hint and praise: a spec words an id"
                + " once, whichever rule gives it");
    }

    @Test
    void everyConcernExplainsItsOrder() {
        assertAll(RuleBook.CONCERNS.stream().map(c -> () -> assertTrue(!c.order().isBlank() && !c.rules().isEmpty(),
                "concern \"" + c.name() + "\" explains its order and declares rules")));
        assertEquals(RuleBook.CONCERNS.size(), RuleBook.CONCERNS.stream().map(Concern::name).distinct().count(), "concern names are unique");
    }

    @Test
    void theModelAndTheStagesAlwaysNameSomething() {
        // judgeOne relies on it: the last model rule and the last stage rule apply to any evidence.
        ExerciseSpec spec = ExerciseSpec.load("fetch");
        assertAll(() -> assertTrue(ModelRules.MODEL_RULES.get(ModelRules.MODEL_RULES.size() - 1).applies().test(null, spec)),
                () -> assertTrue(StageRules.STAGE_RULES.get(StageRules.STAGE_RULES.size() - 1).applies().test(null, spec)));
    }

    private static void check(List<String> blank, String what, String words) {
        if (words == null || words.isBlank()) {
            blank.add(what + " is blank");
        }
    }
}
