package grader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grader's layers, top to bottom: cli -> engine -> starter -> report -> verdict -> launch -> hidden -> checks ->
 * probes -> agent -> boot -> values, each allowed only the accesses listed below; the bootstrap class sees java.base
 * only; only the command line and the test JVM's mains talk to the standard streams or exit; no two packages depend
 * on each other; and a top-level type is public only when another package (main or test code) uses it or something outside the grader's
 * own code needs it (listed in {@link #PUBLIC_FOR_OUTSIDERS} with the reason).
 */
class GraderArchitectureTest {
    static JavaClasses grader;

    /**
     * Top-level types that stay public though no other package of the grader uses them, each with why: something
     * outside the grader's own bytecode finds them (the JVM, the JDK, a library by reflection).
     */
    static final Map<String, String> PUBLIC_FOR_OUTSIDERS = new TreeMap<>(Map.of(
            "grader.agent.GraderAgent",
            "the JVM calls premain(String, Instrumentation) of the manifest's Premain-Class: both must be public",
            "grader.agent.boot.Events",
            "instrumented JDK classes (java.lang.Thread, java.util.concurrent.*) call it from their own packages",
            "grader.agent.boot.Guards",
            "instrumented JDK classes (java.lang.Thread, java.lang.ClassLoader, sun.nio.ch.Net...) call it from their own packages",
            "grader.agent.boot.StandIns",
            "the lock exercise's learner classes, rewritten by the agent, call it from the learner's package",
            "grader.cli.Launcher",
            "the jar's Main-Class: the java launcher calls its public static main, so the class must be public",
            "grader.cli.Main",
            "grader.cli.Launcher finds it by name and calls main through reflection, which needs a public class",
            "grader.launch.fork.Warmup",
            "the start-up cache's training run starts it by name as a JVM's main class, which must be public",
            "grader.probes.ChildJob",
            "the learner's code starts it by name in a child JVM (the processes exercise) as its main class"));

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("grader");
    }

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("cli").definedBy("grader.cli")
                .layer("engine").definedBy("grader.engine", "grader.engine.calibrate")
                .layer("starter").definedBy("grader.starter")
                .layer("report").definedBy("grader.report")
                .layer("verdict").definedBy("grader.verdict", "grader.verdict.statics")
                .layer("launch").definedBy("grader.launch", "grader.launch.fork")
                .layer("hidden").definedBy("grader.hidden..")
                .layer("checks").definedBy("grader.checks..")
                .layer("probes").definedBy("grader.probes")
                .layer("agent").definedBy("grader.agent")
                .layer("boot").definedBy("grader.agent.boot")
                .layer("values").definedBy("grader.values")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("engine").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("starter").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "engine")
                .whereLayer("verdict").mayOnlyBeAccessedByLayers("cli", "engine", "starter", "report")
                .whereLayer("launch").mayOnlyBeAccessedByLayers("cli", "engine")
                // JUnit's launcher finds the hidden tests by name in the test JVM; no grader code names them.
                .whereLayer("hidden").mayNotBeAccessedByAnyLayer()
                .whereLayer("checks").mayOnlyBeAccessedByLayers("engine", "hidden")
                .whereLayer("probes").mayOnlyBeAccessedByLayers("engine", "launch", "hidden", "checks", "agent")
                // The JVM loads the agent from its jar (-javaagent); only the start-up cache names its classes, as text.
                .whereLayer("agent").mayNotBeAccessedByAnyLayer()
                .whereLayer("boot").mayOnlyBeAccessedByLayers("agent")
                .whereLayer("probes").mayOnlyAccessLayers("values")
                .whereLayer("values").mayNotAccessAnyLayer()
                .because("the engine can change only if its layers stay apart, and the agent, the bootstrap class, the probes"
                        + " and the shared values pack into the test JVM without the rest")
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
        // GraderAgent.premain and LazyTransformer run before the test JVM's channel to the grader exists (premain) or
        // inside a class transformation (where Byte Buddy's own listener reports the same way): when the agent cannot
        // work, stderr, which the grader keeps as the test JVM's output, is the only place to say so, once.
        noClasses().that().resideOutsideOfPackages("grader.cli", "grader.launch.fork")
                .and().doNotHaveFullyQualifiedName("grader.probes.ChildJob")
                .and().doNotHaveFullyQualifiedName("grader.agent.GraderAgent")
                .and().doNotHaveFullyQualifiedName("grader.agent.LazyTransformer")
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

    @Test
    void publicOnlyWhatAnotherPackageUses() {
        // The grader's tests count as users: a test of one package that drives another package's type needs it public.
        JavaClasses withTests = new ClassFileImporter().importPackages("grader");
        Set<String> usedFromOutside = new HashSet<>();
        for (JavaClass origin : withTests) {
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (!target.getPackageName().equals(origin.getPackageName())) {
                    usedFromOutside.add(topLevel(target).getName());
                }
            }
        }
        classes().that().areTopLevelClasses().and().haveModifier(JavaModifier.PUBLIC)
                .and(DescribedPredicate.describe("are not used from outside the grader's code (" + PUBLIC_FOR_OUTSIDERS.keySet() + ")",
                        (JavaClass c) -> !PUBLIC_FOR_OUTSIDERS.containsKey(c.getName())))
                .should(new ArchCondition<JavaClass>("be used by a class of another package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean used = usedFromOutside.contains(c.getName());
                        events.add(new SimpleConditionEvent(c, used, c.getName() + " is public, but no other package uses it"
                                + (used ? "" : ": make it package-private " + c.getSourceCodeLocation())));
                    }
                })
                .because("a small public surface says what each package offers the others; package-private is the default")
                .allowEmptyShould(true)
                .check(grader);
    }

    @Test
    void theOutsidersListNamesPublicTypesOnly() {
        List<String> stale = PUBLIC_FOR_OUTSIDERS.keySet().stream()
                .filter(name -> !grader.contain(name) || !grader.get(name).getModifiers().contains(JavaModifier.PUBLIC))
                .toList();
        assertEquals(List.of(), stale, "exceptions to the public-API rule for types that no longer exist or are no longer public");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }
}
