package grader.agent.it;

import course.probe.LearnerLookups;
import grader.probes.LearnerCode;
import grader.probes.Recorder;
import java.util.Set;

/**
 * The child JVM of {@code AgentJarIT}'s lookup test, grader-side: declares {@link LearnerLookups} the learner's code
 * and runs it, then makes the same lookups itself, as the grader's code does.
 */
public final class LookupProbeMain {
    private LookupProbeMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("agent-problem " + Recorder.agentProblem());
        LearnerCode.declare(Set.of(LearnerLookups.class.getName(), LearnerLookups.class.getName() + "$Attempt"));
        LearnerLookups.run();
        String refused = Recorder.refusedSinceMark();
        System.out.println("grader-forName " + Class.forName("grader.probes.Episode").getName());
        System.out.println("grader-resource " + (LookupProbeMain.class.getResource("/grader/probes/Episode.class") != null));
        System.out.println("recorded " + refused);
    }
}
