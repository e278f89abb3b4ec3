package grader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grader's layers (STYLE.md): cli -> engine -> report -> verdict -> launch -> probes, and
 * agent -> probes; the bootstrap class sees java.base only; only the command line and the test JVM's
 * main talk to the standard streams or exit.
 */
class GraderArchitectureTest {
    static JavaClasses grader;

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("grader");
    }

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("grader.cli..")
                .layer("engine").definedBy("grader.engine..")
                .layer("report").definedBy("grader.report..")
                .layer("verdict").definedBy("grader.verdict..")
                .layer("launch").definedBy("grader.launch..")
                .layer("checks").definedBy("grader.checks..", "grader.hidden..")
                .layer("probes").definedBy("grader.probes..")
                .layer("agent").definedBy("grader.agent..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("engine").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "engine")
                .whereLayer("verdict").mayOnlyBeAccessedByLayers("cli", "engine", "report")
                .whereLayer("launch").mayOnlyBeAccessedByLayers("engine", "report", "verdict")
                .whereLayer("checks").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("agent").mayNotBeAccessedByAnyLayer()
                .because("the engine can change only if its layers stay apart (STYLE.md, suggested layout)")
                .check(grader);
    }

    @Test
    void theBootstrapClassUsesTheJdkOnly() {
        classes().that().resideInAPackage("grader.agent.boot")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "grader.agent.boot")
                .because("instrumented JDK classes see only the bootstrap loader; any other type fails to load there")
                .check(grader);
    }

    @Test
    void onlyTheCommandLineAndTheTestJvmMainUseTheStandardStreamsOrExit() {
        // grader.probes.ChildJob is a program of its own: the processes checks have the learner's code run it in a
        // child JVM, where its stdout and its exit code are what the check observes.
        noClasses().that().resideOutsideOfPackages("grader.cli", "grader.launch.fork", "grader.agent..")
                .and().doNotHaveFullyQualifiedName("grader.probes.ChildJob")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("stdout belongs to the learner in the test JVM and to the summary in the grader")
                .check(grader);
        noClasses().that().resideOutsideOfPackages("grader.cli", "grader.launch.fork")
                .and().doNotHaveFullyQualifiedName("grader.probes.ChildJob")
                .should().callMethod(System.class, "exit", int.class)
                .because("exit codes are the command line's contract with pipelines")
                .check(grader);
    }

    @Test
    void packagesHaveNoCycles() {
        // (**) captures the whole package name, so every package is a slice of its own: grader.launch and
        // grader.launch.fork are two slices, and a cycle between a package and its sub-package is found.
        slices().matching("grader.(**)").should().beFreeOfCycles()
                .because("a package that imports its sub-package and is imported back cannot be understood or moved alone")
                .check(grader);
    }
}
