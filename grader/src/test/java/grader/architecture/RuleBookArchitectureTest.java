package grader.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import grader.verdict.ModelVerdict;
import grader.verdict.VerdictId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule book decides every verdict: only its classes (the concerns' ordered rules, the early verdicts) build a
 * {@link ModelVerdict} or one of its {@link ModelVerdict.Flaw}s, or name a verdict id. The engine, the reports, the
 * specs and the checks read verdicts; they never make one up, nor branch on one. (That every id is given by a
 * declared rule, with its words, is {@code grader.verdict.RuleBookTest}'s.)
 */
class RuleBookArchitectureTest {
    static JavaClasses grader;

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("grader");
    }

    static final DescribedPredicate<JavaClass> VERDICT_OR_FLAW = DescribedPredicate.describe("a verdict or a flaw",
            c -> c.isEquivalentTo(ModelVerdict.class) || c.isEquivalentTo(ModelVerdict.Flaw.class));

    /** The rule book: the concerns and their rules, and the early verdicts (with their nested records and lambdas). */
    static final String RULE_BOOK = "grader\\.verdict\\.(RuleBook|Concern|Rule|Words|Judged|ModelRules|UseRules|StageRules|EarlyVerdicts)(\\$.*)?";

    static final ArchRule ONLY_THE_RULE_BOOK_BUILDS_VERDICTS = noClasses()
            .that().haveNameNotMatching(RULE_BOOK)
            .should().callConstructorWhere(target(owner(VERDICT_OR_FLAW)))
            .because("every verdict comes from one declared rule of the rule book, in its order; a verdict built elsewhere"
                    + " is a rule nobody can find (issue 11)");

    @Test
    void onlyTheRuleBookBuildsAVerdictOrAFlaw() {
        ONLY_THE_RULE_BOOK_BUILDS_VERDICTS.check(grader);
    }

    static final ArchRule THE_RULE_BOOK_READS_COUNTS_TYPED = noClasses()
            .that().resideInAnyPackage("grader.verdict..")
            .should().callMethod(grader.values.Evidence.class, "counter", String.class)
            .because("a rule reads the exercise-specific counts through the typed records of grader.values.Counts, so a"
                    + " misspelt counter name is a compile error, not a rule that silently reads 0");

    @Test
    void theRuleBookReadsCountsOnlyThroughTheirTypes() {
        THE_RULE_BOOK_READS_COUNTS_TYPED.check(grader);
    }

    static final DescribedPredicate<JavaFieldAccess> A_VERDICT_ID = DescribedPredicate.describe("a VerdictId constant",
            a -> a.getTargetOwner().isEquivalentTo(VerdictId.class) && !a.getTarget().getName().startsWith("$"));

    static final ArchRule ONLY_THE_RULE_BOOK_NAMES_VERDICT_IDS = noClasses()
            .that().haveNameNotMatching(RULE_BOOK).and().doNotBelongToAnyOf(VerdictId.class)
            .should().accessFieldWhere(A_VERDICT_ID)
            .because("a class that names a verdict id (if (id == OVER_LIMIT) ...) decides something about a verdict:"
                    + " that is a rule, and it belongs in the rule book's ordered lists, with its description, because and"
                    + " hint (issue 11)");

    @Test
    void onlyTheRuleBookNamesAVerdictId() {
        ONLY_THE_RULE_BOOK_NAMES_VERDICT_IDS.check(grader);
    }
}
