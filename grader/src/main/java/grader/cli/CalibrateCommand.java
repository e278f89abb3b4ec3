package grader.cli;

import grader.engine.Grader;
import grader.engine.GraderHome;
import grader.engine.calibrate.Calibration;
import grader.engine.calibrate.ConfusionTable;
import grader.engine.calibrate.FixtureException;
import grader.engine.calibrate.Outcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calibrate}: grades labelled submissions and prints expected against got. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Grade a folder of labelled submissions (each folder with an expected.json and the learner's fragments, laid "
                + "into the stubs of <exercises-dir>) one at a time, and print the confusion table: expected against got, per exercise.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every labelled submission got the verdict and points it expects (with --lay-in-only: every one was laid in)",
            "1:one or more did not (each is listed with what differed)",
            "2:bad usage (no such folder, no expected.json in it, a wrong expected.json or fragment: the file and field are named)",
            "3:the grader itself failed"})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the labelled submissions: every folder in it (at any depth) with an expected.json")
    Path folder;

    @Option(names = "--exercises-dir", paramLabel = "<dir>",
            description = "the exercises folder whose stubs the fragments are laid into (default: ${DEFAULT-VALUE})")
    Path stubs = Path.of("exercises");

    @Option(names = "--lay-in-only", paramLabel = "<dir>",
            description = "grade nothing: write each labelled submission, laid into the stubs, to <dir>/<its folder, '/' as '-'>"
                    + " (for grade-class or a benchmark)")
    Path layInOnly;

    @CommandLine.Mixin
    GradingOptions options = new GradingOptions();

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        List<Calibration.Fixture> fixtures;
        try {
            fixtures = Calibration.find(folder);
        } catch (IllegalArgumentException | FixtureException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (!Files.isDirectory(stubs.resolve("src/main/java"))) {
            throw new CommandLine.ParameterException(cl, "--exercises-dir " + stubs + " holds no src/main/java with the stubs");
        }
        options.validate(cl);
        if (!options.exercises.isEmpty()) {
            fixtures = fixtures.stream().filter(f -> options.exercises.contains(f.expected().exercise())).toList();
        }
        // Every fixture is laid in before any is graded: a wrong fragment is a usage error at once, not after minutes.
        Path check = Files.createTempDirectory("grader-calibrate-check-");
        try {
            for (Calibration.Fixture f : fixtures) {
                Path out = (layInOnly != null ? layInOnly : check).resolve(f.name().replace('/', '-'));
                if (layInOnly != null && Files.exists(out)) {
                    throw new CommandLine.ParameterException(cl, "--lay-in-only: " + out + " exists already");
                }
                Calibration.layIn(f, stubs, out);
            }
        } catch (FixtureException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        } finally {
            grader.engine.Scratch.delete(check);
        }
        if (layInOnly != null) {
            cl.getOut().println("laid " + fixtures.size() + " labelled submissions into the stubs of " + stubs + ": " + layInOnly.toAbsolutePath().normalize());
            return ExitCode.FULL_MARKS.code();
        }
        GraderHome home = GraderHome.locate();
        PrintWriter out = cl.getOut();
        Path scratch = Files.createTempDirectory("grader-calibrate-");
        List<Outcome> outcomes = new ArrayList<>();
        try {
            Grader grader = options.grader(home);
            Calibration calibration = new Calibration(grader, stubs, options.request(home, folder, scratch));
            out.println("calibrating on " + fixtures.size() + " labelled submissions from " + folder.toAbsolutePath().normalize()
                    + " (isolation: " + grader.isolationLayer() + ")");
            for (Calibration.Fixture f : fixtures) {
                Outcome o;
                try {
                    o = calibration.grade(f);
                } catch (FixtureException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage());
                }
                outcomes.add(o);
                out.println("[" + outcomes.size() + "/" + fixtures.size() + "] " + f.name() + ": " + o.gotLabel()
                        + (o.agrees() ? "" : "   NOT AS EXPECTED"));
                out.flush();
            }
        } finally {
            grader.engine.Scratch.delete(scratch);
        }
        ConfusionTable table = new ConfusionTable(outcomes);
        table.print(out);
        return table.mismatches().isEmpty() ? ExitCode.FULL_MARKS.code() : ExitCode.BELOW_FULL_MARKS.code();
    }
}
