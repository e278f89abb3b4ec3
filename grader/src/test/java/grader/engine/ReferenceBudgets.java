package grader.engine;

import grader.values.Limits;
import grader.launch.SourceCompiler;
import grader.launch.TestJvm;
import grader.probes.AgentFlags;
import grader.verdict.ExerciseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes {@code grader/src/main/resources/grader/launch/budgets.properties}: runs every exercise's tests (public, model,
 * hidden) against the reference solution in {@code solutions/}, in one test JVM each as a grading does, and writes
 * what each test took, in milliseconds ({@code class#method=millis}). Each test's budget is a multiple of it (see
 * {@code grader.launch.fork.Budgets}). Run after {@code mvn -pl grader -am verify -DskipTests -DskipITs}, from
 * {@code grader/}: {@code java -Dgrader.home=target -Dgrader.repo=.. -cp target/test-classes:target/grader.jar
 * grader.engine.ReferenceBudgets [runs [exercise...]]}; with several runs, the
 * longest time of each test is kept.
 */
final class ReferenceBudgets {
    private ReferenceBudgets() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<String> exercises = args.length > 1 ? List.of(args).subList(1, args.length) : ExerciseSpec.KNOWN;
        GraderHome home = GraderHome.locate();
        Path repo = GradingFixture.REPO;
        Path target = repo.resolve("grader/src/main/resources/grader/launch/budgets.properties");
        Map<String, Long> millis = new TreeMap<>();
        if (exercises != ExerciseSpec.KNOWN && Files.isRegularFile(target)) {
            // Only some exercises: the others keep what the file has.
            java.util.Properties kept = new java.util.Properties();
            try (var in = Files.newInputStream(target)) {
                kept.load(in);
            }
            Set<String> redone = new java.util.HashSet<>();
            exercises.forEach(id -> redone.addAll(ExerciseSpec.load(id).tests().all(true)));
            kept.stringPropertyNames().stream().filter(k -> !redone.contains(k.substring(0, k.indexOf('#'))))
                    .forEach(k -> millis.put(k, Long.parseLong(kept.getProperty(k))));
        }
        for (int run = 0; run < runs; run++) {
            for (String id : exercises) {
                ExerciseSpec spec = ExerciseSpec.load(id);
                Path work = Files.createTempDirectory("grader-budgets-");
                Path classes = work.resolve("classes");
                Path solution = repo.resolve("solutions");
                SourceCompiler.Outcome compiled = SourceCompiler.compile(solution,
                        solution.resolve("src/main/java").resolve(spec.packageName().replace('.', '/')), classes);
                if (!compiled.compiled()) {
                    throw new IllegalStateException(id + ": " + compiled.errors());
                }
                List<Path> classPath = new ArrayList<>(List.of(home.graderJar()));
                home.hiddenJar().ifPresent(classPath::add);
                classPath.add(classes);
                Limits limits = Limits.mostGenerous(java.util.Collections.singletonList(spec.limits()));
                List<String> flags = new ArrayList<>(List.of("-Xmx" + limits.heapMegabytes() + "m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1"));
                flags.addAll(AgentFlags.JVM_FLAGS);
                TestJvm.Result result = TestJvm.run(new TestJvm.Request(home.agentJar(), spec.kernels(), classPath,
                        Set.copyOf(compiled.classes()), spec.tests().all(home.hiddenJar().isPresent()), 6, flags,
                        Duration.ofSeconds(limits.perTestSeconds()), Duration.ofSeconds(900), work.resolve("test-jvm"),
                        64 * 1024, limits, spec.sharedState() ? List.of(spec.packageName()) : List.of(), Optional.empty(),
                        null, null));
                for (TestJvm.TestRun t : result.runs()) {
                    List<String> ran = t.entries().getOrDefault(grader.launch.fork.ForkEvent.DURATION_KEY, List.of());
                    if (ran.isEmpty()) {
                        throw new IllegalStateException(id + ": the reference solution's " + t.test().name() + " ended "
                                + t.status() + " without a time: " + t.message());
                    }
                    if (!"SUCCESSFUL".equals(t.status())) {
                        // Its time still bounds what it needs; a reference that fails is a finding of its own.
                        System.err.println("warning: " + id + ": the reference solution's " + t.test().name() + " ended "
                                + t.status() + ": " + t.message());
                    }
                    millis.merge(t.test().className() + "#" + t.test().method(), Long.parseLong(ran.get(0)), Math::max);
                }
                System.err.println(id + ": " + result.runs().size() + " tests");
            }
        }
        StringBuilder out = new StringBuilder("# What each test took with the reference solution, in milliseconds (the longest of "
                + runs + " run(s)),\n# made by grader.engine.ReferenceBudgets; each test's budget is a multiple of it "
                + "(grader.launch.fork.Budgets).\n");
        millis.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        Files.createDirectories(target.getParent());
        Files.writeString(target, out);
        System.err.println("wrote " + millis.size() + " tests to " + target);
    }
}
