package grader.agent.it;

import course.probe.LearnerFiles;
import grader.probes.LearnerCode;
import grader.probes.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The child JVM of {@code AgentJarIT}'s file test, grader-side: declares {@link LearnerFiles} the learner's code and
 * runs it on the folder named by the first argument (outside this JVM's {@code java.io.tmpdir}), then reads the same
 * file itself, as the grader's code may.
 */
public final class FileProbeMain {
    private FileProbeMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("agent-problem " + Recorder.agentProblem());
        LearnerCode.declare(Set.of(LearnerFiles.class.getName(), LearnerFiles.class.getName() + "$Attempt"));
        Path outside = Path.of(args[0]);
        LearnerFiles.run(outside);
        String refused = Recorder.refusedSinceMark();
        System.out.println("grader-read " + Files.readString(outside.resolve("secret.txt")));
        System.out.println("grader-written " + Files.exists(outside.resolve("written.txt")) + " "
                + Files.exists(outside.resolve("child.out")));
        System.out.println("recorded " + refused);
    }
}
