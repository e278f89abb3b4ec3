package grader.cli;

import grader.engine.Grader;
import grader.engine.GraderHome;
import grader.report.ConsoleSummary;
import grader.report.GradeReport;
import grader.report.Exporters;
import grader.verdict.ExerciseSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The picocli commands. */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = GraderCommand.Version.class,
        description = "Grades Java concurrency exercises: runs public, hidden and model checks in a JVM of their own "
                + "under a Byte Buddy agent, and tells which concurrency model the code used, with the evidence.",
        subcommands = {GraderCommand.Grade.class, GradeClassCommand.class, MergeGradebooksCommand.class, ExportStarterCommand.class, AutograderZipCommand.class, StartupCacheCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every graded exercise got full marks",
            "1:graded, below full marks (the report is complete)",
            "2:bad usage (unknown option or exercise, missing folder)",
            "3:the grader itself failed (agent self-test, test JVM); no score is trustworthy"})
final class GraderCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean colour) {
        CommandLine cl = new CommandLine(new GraderCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setExitCodeExceptionMapper(t -> ExitCode.GRADER_ERROR.code());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.usage(c.getErr());
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("grader error: " + ex);
            ex.printStackTrace(c.getErr());
            return ExitCode.GRADER_ERROR.code();
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. grade <submission-dir>");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GraderCommand.class.getPackage().getImplementationVersion();
            return new String[] {"grader " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }

    @Command(name = "grade", mixinStandardHelpOptions = true,
            description = "Grade a submission folder laid out like exercises/ (sources under src/main/java); "
                    + "writes <report-dir>/report.json and prints a summary.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:every graded exercise got full marks",
                "1:graded, below full marks",
                "2:bad usage",
                "3:the grader itself failed"})
    static final class Grade implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<submission-dir>", description = "the folder to grade")
        Path submission;

        @Option(names = "--report-dir", paramLabel = "<dir>", description = "where report.json goes (default: <submission-dir>/target/grader)")
        Path reportDir;

        @CommandLine.Mixin
        GradingOptions options = new GradingOptions();

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            PrintWriter out = cl.getOut();
            if (!Files.isDirectory(submission)) {
                throw new CommandLine.ParameterException(cl, "submission folder " + submission + " does not exist or is not a folder");
            }
            options.validate(cl);
            GraderHome home = GraderHome.locate();
            Path sub = submission.toAbsolutePath().normalize();
            Path reports = (reportDir != null ? reportDir : sub.resolve("target/grader")).toAbsolutePath().normalize();
            Exporters.clearStale(reports);
            Path work = Files.createTempDirectory("grader-");
            try {
                GradeReport report = new Grader(home, options.startupCache()).grade(options.request(home, sub, work));
                Path file = Exporters.writeAll(report, reports, options.formats, options.audience()).get("json");
                new ConsoleSummary(cl.getColorScheme().ansi() == CommandLine.Help.Ansi.ON)
                        .print(options.audience().cut(report, false), file, out);
                ExitCode code = report.graderError() != null ? ExitCode.GRADER_ERROR
                        : report.fullMarks() ? ExitCode.FULL_MARKS : ExitCode.BELOW_FULL_MARKS;
                // One word beside the report, for build steps that act on the outcome (the Maven profiles do).
                Files.writeString(reports.resolve(Exporters.OUTCOME_FILE), code.word() + "\n");
                return code.code();
            } finally {
                grader.engine.Scratch.delete(work);
            }
        }
    }

    static final class KnownFormats extends ArrayList<String> {
        KnownFormats() {
            super(Exporters.ids());
        }
    }

    static final class KnownExercises extends ArrayList<String> {
        KnownExercises() {
            super(ExerciseSpec.KNOWN);
        }
    }

}
