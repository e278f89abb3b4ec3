package grader.cli;

import grader.engine.GraderHome;
import grader.report.GradescopeAutograder;
import grader.verdict.ExerciseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autograder-zip}: Gradescope's autograder zip, from the jars beside the running grader.jar. */
@Command(name = "autograder-zip", mixinStandardHelpOptions = true,
        description = "Build Gradescope's autograder.zip: setup.sh, run_autograder, grader.jar, grader-agent.jar and the "
                + "hidden tests' jar (if present), taken from the folder of the running grader.jar (or -Dgrader.home). "
                + "Upload it as the assignment's autograder.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the zip was written",
            "2:bad usage",
            "3:the grader's jars are missing or the zip could not be written"})
final class AutograderZipCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>", required = true, description = "the folder to write autograder.zip into")
    Path out;

    @Option(names = "--no-hidden", description = "leave the hidden tests out (public tests and model checks only)")
    boolean noHidden;

    @Option(names = "--exercise", paramLabel = "<id>",
            description = "grade only this exercise in the assignment (repeatable; default: all); known: ${COMPLETION-CANDIDATES}",
            completionCandidates = GraderCommand.KnownExercises.class)
    List<String> exercises = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(cl, "--out " + out + ": is a file, not a folder");
        }
        List<String> options = new ArrayList<>();
        for (String id : exercises.stream().distinct().toList()) {
            if (!ExerciseSpec.KNOWN.contains(id)) {
                throw new CommandLine.ParameterException(cl, "--exercise " + id + ": no such exercise; known: " + String.join(", ", ExerciseSpec.KNOWN));
            }
            options.addAll(List.of("--exercise", id));
        }
        GraderHome home;
        try {
            home = GraderHome.locate();
        } catch (IllegalStateException e) {
            cl.getErr().println("grader error: " + e.getMessage());
            return ExitCode.GRADER_ERROR.code();
        }
        Optional<Path> hidden = noHidden ? Optional.empty() : home.hiddenJar();
        GradescopeAutograder.Written written = GradescopeAutograder.write(
                GradescopeAutograder.jars(home.graderJar(), home.agentJar(), hidden), options, out.toAbsolutePath().normalize());
        cl.getOut().println("wrote " + written.zip() + ": " + String.join(", ", written.entries()));
        if (hidden.isEmpty()) {
            cl.getOut().println("no hidden tests in it" + (noHidden ? "" : " (none beside grader.jar)") + ": learners are graded on public tests and model checks only");
        }
        return 0;
    }
}
