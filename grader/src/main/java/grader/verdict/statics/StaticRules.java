package grader.verdict.statics;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ViolationHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static rules an exercise spec can name. Each carries its description and its reason; a
 * violation says, in the grader's words, which call was found and where: the learner's method and
 * line in the form stack traces use, which IDEs and terminals link
 * ({@code calls Thread.ofVirtual() at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:25)}).
 */
public final class StaticRules {
    private StaticRules() {}

    private static final Map<String, ArchRule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("no-process-start", noClasses()
                .should().callMethodWhere(calls("java.lang.ProcessBuilder", "start"))
                .orShould().callMethodWhere(calls("java.lang.Runtime", "exec"))
                .as("no child processes (ProcessBuilder.start, Runtime.exec)")
                .because("processes are for isolation, not for concurrency: Java threads already run on every core"));
        RULES.put("no-cached-thread-pool", noClasses()
                .should().callMethodWhere(calls("java.util.concurrent.Executors", "newCachedThreadPool"))
                .as("no Executors.newCachedThreadPool")
                .because("a cached pool has no upper bound: it starts a thread for every task that finds no idle one"));
        RULES.put("no-parallel-stream", noClasses()
                .should().callMethodWhere(target(name("parallelStream")))
                .orShould().callMethodWhere(target(name("parallel")).and(ownerNamed("java.util.stream.")))
                .as("no parallel streams for blocking work")
                .because("parallel streams run on the common ForkJoinPool, sized for CPU work; blocking requests there starve it"));
        RULES.put("no-virtual-threads", noClasses()
                .should().callMethodWhere(calls("java.lang.Thread", "ofVirtual"))
                .orShould().callMethodWhere(calls("java.lang.Thread", "startVirtualThread"))
                .orShould().callMethodWhere(calls("java.util.concurrent.Executors", "newVirtualThreadPerTaskExecutor"))
                .as("no virtual threads for CPU-bound work")
                .because("virtual threads are for tasks that wait; CPU-bound work gains nothing from them"));
        RULES.put("no-thread-run", noClasses()
                .should().callMethodWhere(calls("java.lang.Thread", "run"))
                .as("no direct call of Thread.run()")
                .because("run() executes the task on the current thread; start() runs it on a new one"));
        RULES.put("no-synchronized-map", noClasses()
                .should().callMethodWhere(calls("java.util.Collections", "synchronizedMap"))
                .orShould().callMethodWhere(calls("java.util.Collections", "synchronizedSortedMap"))
                .orShould().callMethodWhere(calls("java.util.Collections", "synchronizedNavigableMap"))
                .as("no Collections.synchronizedMap for counts that many threads update")
                .because("every call takes the map's one lock, so the workers take turns; a ConcurrentHashMap does not"));
        RULES.put("no-unsafe-map-in-tasks", noClasses()
                .should().callMethodWhere(target(name("put").or(name("merge")).or(name("compute"))
                        .or(name("computeIfAbsent")).or(name("computeIfPresent")).or(name("putIfAbsent")))
                        .and(ownerNamed("java.util.HashMap").or(ownerNamed("java.util.TreeMap"))
                                .or(ownerNamed("java.util.LinkedHashMap")))
                        .and(DescribedPredicate.describe("from a lambda or an inner class",
                                (JavaCall<?> call) -> call.isDeclaredInLambda()
                                        || call.getOrigin().getOwner().isNestedClass())))
                .as("no HashMap, TreeMap or LinkedHashMap updated from a task (a lambda or an inner class)")
                .because("these maps are not thread-safe: updates from several threads at once get lost or corrupt the"
                        + " map; give each worker a map of its own, or use a ConcurrentHashMap"));
    }

    /** {@return whether the engine knows this rule id} */
    public static boolean known(String id) {
        return RULES.containsKey(id);
    }

    /** Checks the compiled classes in {@code classesDir} against the named rules. */
    public static List<StaticFinding> check(Path classesDir, List<String> ruleIds) {
        return check(CompiledClasses.read(classesDir), ruleIds);
    }

    /** {@link #check(Path, List)} on classes already read. */
    public static List<StaticFinding> check(CompiledClasses compiled, List<String> ruleIds) {
        JavaClasses classes = compiled.classes();
        List<StaticFinding> findings = new ArrayList<>();
        for (String id : ruleIds) {
            ArchRule rule = RULES.get(id);
            if (rule == null) {
                throw new IllegalArgumentException("unknown static rule " + id + "; known: " + RULES.keySet());
            }
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
            List<String> violations = inWords(result);
            String description = rule.getDescription();
            int because = description.indexOf(", because ");
            findings.add(new StaticFinding(id, because < 0 ? description : description.substring(0, because),
                    because < 0 ? "" : description.substring(because + ", because ".length()),
                    !result.hasViolation(), violations));
        }
        return findings;
    }

    /** Each violating call as "calls X.y() at the learner's method(File.java:line)", once per call site. */
    static List<String> inWords(EvaluationResult result) {
        Set<String> found = new LinkedHashSet<>();
        result.handleViolations((ViolationHandler<JavaCall<?>>) (calls, message) -> calls.forEach(call -> found.add(inWords(call))));
        if (found.isEmpty() && result.hasViolation()) {
            // Not a call (no rule here finds anything else today): ArchUnit's own text is better than nothing.
            return result.getFailureReport().getDetails();
        }
        return List.copyOf(found);
    }

    static String inWords(JavaCall<?> call) {
        JavaCodeUnit origin = call.getOrigin();
        String method = origin.getName();
        String lambda = call.isDeclaredInLambda() ? " (in a lambda)" : "";
        if (method.startsWith("lambda$")) {
            // javac names a lambda lambda$<enclosing method>$<n>: the learner wrote it inside that method.
            String[] parts = method.split("\\$");
            method = parts.length > 1 ? parts[1] : method;
            lambda = " (in a lambda)";
        }
        String location = call.getSourceCodeLocation().toString();
        return "calls " + call.getTarget().getOwner().getSimpleName() + "." + call.getTarget().getName() + "() at "
                + origin.getOwner().getName() + "." + method + location + lambda;
    }

    private static DescribedPredicate<JavaCall<?>> calls(String ownerName, String methodName) {
        return target(name(methodName)).and(ownerNamed(ownerName));
    }

    private static DescribedPredicate<JavaCall<?>> ownerNamed(String prefix) {
        return target(owner(DescribedPredicate.describe("named " + prefix,
                c -> c.getName().equals(prefix) || (prefix.endsWith(".") && c.getName().startsWith(prefix)))))
                .forSubtype();
    }
}
