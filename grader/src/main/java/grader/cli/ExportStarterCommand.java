package grader.cli;

import grader.engine.GraderHome;
import grader.starter.StarterException;
import grader.starter.StarterExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export-starter}: writes what learners get, never what the course keeps. */
@Command(name = "export-starter", mixinStandardHelpOptions = true,
        description = "Write the learner's starter into a new or empty folder: exercises/ (stubs, public tests, docs), "
                + "lib/grader.jar and lib/grader-agent.jar (from beside this grader.jar; never the hidden tests), a pom.xml "
                + "where `mvn verify` grades the exercises and fails until full marks, and a README. No solutions, "
                + "hidden tests, known-wrong submissions or grader sources.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the starter was written",
            "2:bad usage (the folder exists and is not empty, no exercises/ in the repository, a stub is implemented or is its solution)",
            "3:the starter could not be written (nothing is left behind)"})
final class ExportStarterCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", paramLabel = "<repo-root>",
            description = "the course repository, the folder that holds exercises/ (default: the current folder)")
    Path repo = Path.of(".");

    @Option(names = "--out", paramLabel = "<dir>", required = true, description = "a new or empty folder for the starter")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        StarterExporter.Exported exported;
        try {
            // Usage first: a refusal needs no grader jars.
            StarterExporter.check(repo, out);
            GraderHome home = GraderHome.locate();
            exported = StarterExporter.export(new StarterExporter.Source(repo, home.graderJar(), home.agentJar()), out);
        } catch (StarterException e) {
            // Name the option whose value was refused.
            boolean aboutOut = e.path() != null && e.path().toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize());
            throw new CommandLine.ParameterException(cl, (aboutOut ? "--out " + out : "--repo " + repo) + ": " + e.getMessage());
        }
        PrintWriter w = cl.getOut();
        w.println("wrote the learner starter to " + exported.folder() + ":");
        for (StarterExporter.Item item : exported.items()) {
            String count = item.files() > 1 ? " (" + item.files() + " files)" : "";
            w.printf("  %-22s %s%s%n", item.path(), item.what(), count);
        }
        w.println("not in it: solutions, hidden tests, known-wrong submissions, grader sources");
        w.println("learners run, in that folder: mvn verify");
        return 0;
    }
}
