package grader.verdict;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One exercise, as course staff declare it in {@code grader/exercises/<id>.json}: what the learner
 * must write, which tests and checks run, how points split, which models are expected, and the
 * feedback for each verdict. Adding an exercise means adding a spec, not changing the engine.
 *
 * @param id         stable id, also the Java package {@code course.<id>}
 * @param title      one line for people
 * @param workload   io (requests wait) or cpu (kernels compute)
 * @param structure  methods a submission must declare, with exact signatures
 * @param kernels    {@code Class#method} the agent wraps as watched calls (CPU exercises)
 * @param tests      test classes: public (learners see them), model (engine checks), hidden
 * @param points     how many points each part is worth
 * @param poolSize   limit (a pool is sized from the method's bound) or cores
 * @param models     expected model ids (full model points) and warned ids (a share of them); each a {@link VerdictId}
 * @param staticRules ids of static rules (see {@link grader.verdict.statics.StaticRules})
 * @param feedback   per verdict id ({@link VerdictId}): why it is wrong for this work, and a hint
 * @param visibility who sees which tests, and how much of a hidden test's output
 * @param limits     what the test JVM lets the learner's code use (each one optional: the default when absent)
 * @param sharedState whether the agent reports the locks and map updates of the exercise's classes (an exercise
 *                   about shared state, such as {@code lock}); absent means false
 */
public record ExerciseSpec(
        String id,
        String title,
        Workload workload,
        List<MethodSpec> structure,
        List<String> kernels,
        Tests tests,
        Points points,
        PoolSize poolSize,
        Models models,
        List<String> staticRules,
        Map<String, Feedback> feedback,
        Visibility visibility,
        grader.values.Limits limits,
        boolean sharedState) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The exercises the engine knows, in the order reports list them. */
    public static final List<String> KNOWN = List.of("threads", "fetch", "compute", "lock", "crawl", "processes", "pipeline");

    public ExerciseSpec {
        Objects.requireNonNull(id, "an exercise spec needs an id");
        structure = List.copyOf(structure);
        kernels = kernels == null ? List.of() : List.copyOf(kernels);
        staticRules = staticRules == null ? List.of() : List.copyOf(staticRules);
        feedback = feedback == null ? Map.of() : Map.copyOf(feedback);
        visibility = visibility == null ? Visibility.DEFAULT : visibility;
        limits = limits == null ? grader.values.Limits.DEFAULT : limits.orDefaults();
        Objects.requireNonNull(workload, () -> "exercise " + id + ": workload must be \"io\" or \"cpu\"");
        Objects.requireNonNull(poolSize, () -> "exercise " + id + ": poolSize must be \"limit\" or \"cores\"");
        // Every id a spec names must be one the rule book can give: a typo would otherwise never match.
        String where = "exercise " + id;
        if (models != null) {
            models.expected().forEach(m -> {
                if (!VerdictId.parse(m, where + ", models.expected").isModel()) {
                    throw new IllegalArgumentException(where + ", models.expected: \"" + m + "\" is a flaw, not a model");
                }
            });
            models.warn().keySet().forEach(w -> VerdictId.parse(w, where + ", models.warn"));
        }
        feedback.keySet().forEach(f -> VerdictId.parse(f, where + ", feedback"));
    }

    /** {@return whether this id is an expected model of the exercise} */
    public boolean expects(VerdictId id) {
        return models.expected().contains(id.id());
    }

    /** {@return the share of model points this id still earns, if the spec warns about it} */
    public java.util.Optional<Double> warnShare(VerdictId id) {
        return java.util.Optional.ofNullable(models.warn().get(id.id()));
    }

    /** A method a submission must declare. Types are written as {@code Type#getTypeName()} prints them. */
    public record MethodSpec(String className, String method, boolean isStatic, String returns, List<String> parameters) {
        public MethodSpec {
            parameters = List.copyOf(parameters);
        }

        /** {@return the signature as Java source shows it, with simple type names} */
        public String signature() {
            return (isStatic ? "static " : "") + simple(returns) + " " + method + "("
                    + String.join(", ", parameters.stream().map(MethodSpec::simple).toList()) + ")";
        }

        static String simple(String typeName) {
            return typeName.replaceAll("([a-z][a-z0-9_]*\\.)+", "");
        }
    }

    public record Tests(List<String> publicTests, List<String> model, List<String> hidden) {
        public Tests {
            publicTests = publicTests == null ? List.of() : List.copyOf(publicTests);
            model = model == null ? List.of() : List.copyOf(model);
            hidden = hidden == null ? List.of() : List.copyOf(hidden);
        }

        public List<String> all(boolean withHidden) {
            List<String> all = new ArrayList<>(publicTests);
            all.addAll(model);
            if (withHidden) {
                all.addAll(hidden);
            }
            return all;
        }

        /** {@return which kind of test the class is, or null when the spec does not name it (or it is null)} */
        public TestKind kindOf(String className) {
            if (className == null) {
                return null;
            }
            if (publicTests.contains(className)) {
                return TestKind.PUBLIC;
            }
            if (model.contains(className)) {
                return TestKind.MODEL;
            }
            return hidden.contains(className) ? TestKind.HIDDEN : null;
        }
    }

    public record Points(double functional, double model, double statics) {
        public double total() {
            return functional + model + statics;
        }
    }

    /** @param warn verdict id to the share of model points it still earns */
    public record Models(List<String> expected, Map<String, Double> warn) {
        public Models {
            expected = List.copyOf(expected);
            warn = warn == null ? Map.of() : Map.copyOf(warn);
        }
    }

    public record Feedback(String why, String hint) {}

    /**
     * Who sees which tests (Gradescope's values: {@code visible}, {@code hidden}, {@code after_due_date},
     * {@code after_published}), and how much of a hidden test's output learners get: {@code full}
     * (message and trace), {@code message} (the assertion message only) or {@code none} (status only).
     */
    public record Visibility(String publicTests, String model, String hidden, String hiddenOutput) {
        private static final java.util.Set<String> WHO = java.util.Set.of("visible", "hidden", "after_due_date", "after_published");
        private static final java.util.Set<String> HOW_MUCH = java.util.Set.of("full", "message", "none");
        public static final Visibility DEFAULT = new Visibility("visible", "visible", "after_due_date", "message");

        public Visibility {
            publicTests = publicTests == null ? "visible" : publicTests;
            model = model == null ? "visible" : model;
            hidden = hidden == null ? "after_due_date" : hidden;
            hiddenOutput = hiddenOutput == null ? "message" : hiddenOutput;
            for (String v : List.of(publicTests, model, hidden)) {
                if (!WHO.contains(v)) {
                    throw new IllegalArgumentException("visibility must be one of " + WHO + ", not " + v);
                }
            }
            if (!HOW_MUCH.contains(hiddenOutput)) {
                throw new IllegalArgumentException("hiddenOutput must be one of " + HOW_MUCH + ", not " + hiddenOutput);
            }
        }

        /** {@return the visibility of a test of this kind} */
        public String of(TestKind kind) {
            return switch (kind) {
                case PUBLIC -> publicTests;
                case MODEL -> model;
                case HIDDEN -> hidden;
            };
        }
    }

    /** The Java package the exercise lives in. */
    public String packageName() {
        return "course." + id;
    }

    /** Reads the spec of a known exercise from the grader's resources. */
    public static ExerciseSpec load(String id) {
        String resource = "/grader/exercises/" + id + ".json";
        try (InputStream in = ExerciseSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no exercise spec " + resource + " on the grader's class path");
            }
            ExerciseSpec spec = read(resource, in);
            if (!spec.id().equals(id)) {
                throw new IllegalArgumentException(resource + " declares id " + spec.id() + ", expected " + id);
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the exercise spec " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one spec; a value the vocabulary does not know (a verdict id, a workload) is an error naming
     * {@code file} and the value.
     */
    static ExerciseSpec read(String file, InputStream in) throws IOException {
        try {
            return JSON.readValue(in, ExerciseSpec.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
        } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
    }
}
