package course.probe;

/**
 * Stands for a learner's class in {@code AgentJarIT}'s lookup test (declared as the learner's by
 * {@code grader.agent.it.LookupProbeMain}): looks up the grader's and JUnit's classes and class files by name.
 */
public final class LearnerLookups {
    private LearnerLookups() {}

    public static void run() throws Exception {
        attempt("learner-forName", () -> Class.forName("grader.probes.Episode"));
        attempt("learner-forName3", () -> Class.forName("org.junit.jupiter.api.Test", false, LearnerLookups.class.getClassLoader()));
        attempt("learner-loadClass", () -> LearnerLookups.class.getClassLoader().loadClass("grader.values.Evidence"));
        attempt("learner-jdk-class", () -> Class.forName("java.util.concurrent.ForkJoinPool"));
        System.out.println("learner-forName-module " + Class.forName(LearnerLookups.class.getModule(), "grader.values.Evidence"));
        System.out.println("learner-resource " + LearnerLookups.class.getResource("/grader/probes/Episode.class"));
        System.out.println("learner-resource-stream " + LearnerLookups.class.getClassLoader().getResourceAsStream("grader/probes/Episode.class"));
        System.out.println("learner-resources " + LearnerLookups.class.getClassLoader().getResources("org/junit/jupiter/api/Test.class").hasMoreElements());
    }

    interface Attempt {
        Class<?> run() throws Exception;
    }

    static void attempt(String name, Attempt attempt) {
        try {
            System.out.println(name + " ok " + attempt.run().getName());
        } catch (Exception e) {
            System.out.println(name + " " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
