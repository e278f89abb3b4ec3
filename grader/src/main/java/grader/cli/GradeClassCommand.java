package grader.cli;

import grader.engine.ClassGrader;
import grader.engine.Grader;
import grader.engine.GraderHome;
import grader.engine.Shard;
import grader.report.Gradebook;
import grader.report.Scores;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grade-class}: every sub-folder is a learner; a gradebook at the end. */
@Command(name = "grade-class", mixinStandardHelpOptions = true,
        description = "Grade a whole class: each sub-folder of <class-dir> is one learner's submission. Writes "
                + "<report-dir>/<learner>/report.json per learner and <report-dir>/gradebook.csv and gradebook.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every submission was graded (whatever its score)",
            "2:bad usage",
            "3:the grader could not grade one or more submissions (their gradebook rows say why)"})
final class GradeClassCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<class-dir>", description = "one sub-folder per learner")
    Path classDir;

    @Option(names = "--report-dir", paramLabel = "<dir>", required = true, description = "where the reports and the gradebook go")
    Path reportDir;

    @Option(names = "--jobs", paramLabel = "<n>", description = "submissions graded at once (default: the machine's processors, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard", paramLabel = "<i/n>", description = "grade only shard i of n (1-based, round-robin over the sorted learners)")
    String shard;

    @CommandLine.Mixin
    GradingOptions options = new GradingOptions();

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (!Files.isDirectory(classDir)) {
            throw new CommandLine.ParameterException(cl, "class folder " + classDir + " does not exist or is not a folder");
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(cl, "--jobs must be 1 or more");
        }
        Shard part;
        try {
            part = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        options.validate(cl);
        GraderHome home = GraderHome.locate();
        Path classes = classDir.toAbsolutePath().normalize();
        Path reports = reportDir.toAbsolutePath().normalize();
        int total = ClassGrader.learners(classes, part).size();
        PrintWriter out = cl.getOut();
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        out.println("grading " + total + " submission" + (total == 1 ? "" : "s") + " from " + classes
                + (part.count() > 1 ? " (shard " + part + ")" : "") + ", " + jobs + " at a time");
        ClassGrader.ClassRequest request = new ClassGrader.ClassRequest(classes, reports, part, jobs, options.formats, options.audience(),
                options.request(home, classes, classes));
        Gradebook book = new ClassGrader(new Grader(home, options.startupCache())).grade(request, p -> progress(out, terminal, p));
        if (terminal) {
            out.println();
        }
        long failed = book.rows().stream().filter(r -> !"graded".equals(r.status())).count();
        out.println("gradebook: " + reports.resolve("gradebook.csv") + " (" + book.rows().size() + " learners"
                + (failed > 0 ? ", " + failed + " could not be graded" : "") + ")");
        return failed > 0 ? ExitCode.GRADER_ERROR.code() : ExitCode.FULL_MARKS.code();
    }

    /** A bar redrawn in place on a terminal; one plain line per submission in CI logs. */
    static void progress(PrintWriter out, boolean terminal, ClassGrader.Progress p) {
        Gradebook.Row r = p.row();
        String result = "graded".equals(r.status())
                ? String.format(Locale.ROOT, "%s %s/%s %s", r.learner(), Scores.format(r.score()), Scores.format(r.maxScore()),
                        String.join(", ", r.exercises().values().stream().map(Gradebook.Cell::verdict).toList()))
                : r.learner() + " NOT GRADED: " + r.error();
        if (terminal) {
            int width = 30;
            int filled = p.total() == 0 ? width : p.done() * width / p.total();
            String line = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + p.done() + "/" + p.total() + "  " + result;
            out.print("\r" + (line.length() > 120 ? line.substring(0, 117) + "..." : String.format("%-120s", line)));
        } else {
            out.println("[" + p.done() + "/" + p.total() + "] " + result);
        }
        out.flush();
    }

}
