package grader.cli;

import grader.engine.GradeRequest;
import grader.engine.Grader;
import grader.engine.GraderHome;
import grader.report.ConsoleSummary;
import grader.report.GradeReport;
import grader.report.Exporters;
import grader.verdict.ExerciseSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        subcommands = {GraderCommand.Grade.class, CommandLine.HelpCommand.class},
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

        @Option(names = "--exercise", paramLabel = "<id>", description = "grade only this exercise (repeatable); known: ${COMPLETION-CANDIDATES}",
                completionCandidates = KnownExercises.class)
        List<String> exercises = new ArrayList<>();

        @Option(names = "--format", paramLabel = "<id>", split = ",",
                description = "extra report formats, repeatable or comma-separated; report.json is always written. Known: ${COMPLETION-CANDIDATES}",
                completionCandidates = KnownFormats.class)
        List<String> formats = new ArrayList<>();

        @Option(names = "--hidden", paramLabel = "<jar>", description = "hidden tests to run (default: the grader-*-hidden.jar beside grader.jar, if any)")
        Path hidden;

        @Option(names = "--no-hidden", description = "run only public tests and model checks, as learners do")
        boolean noHidden;

        @Option(names = "--active-processors", paramLabel = "<n>", defaultValue = "6",
                description = "-XX:ActiveProcessorCount of the test JVM, 4 or more (default: ${DEFAULT-VALUE})")
        int activeProcessors;

        @Option(names = "--test-timeout", paramLabel = "<seconds>", defaultValue = "60",
                description = "per-test timeout; the test thread is interrupted (default: ${DEFAULT-VALUE})")
        long testTimeout;

        @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "600",
                description = "the test JVM's whole budget; past it the JVM and its children are killed (default: ${DEFAULT-VALUE})")
        long timeout;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            PrintWriter out = cl.getOut();
            if (!Files.isDirectory(submission)) {
                throw new CommandLine.ParameterException(cl, "submission folder " + submission + " does not exist or is not a folder");
            }
            for (String id : exercises) {
                if (!ExerciseSpec.KNOWN.contains(id)) {
                    throw new CommandLine.ParameterException(cl, "unknown exercise '" + id + "'; known: " + String.join(", ", ExerciseSpec.KNOWN));
                }
            }
            for (String f : formats) {
                if (Exporters.byId(f).isEmpty()) {
                    throw new CommandLine.ParameterException(cl, "unknown format '" + f + "'; known: " + String.join(", ", Exporters.ids()));
                }
            }
            if (activeProcessors < 4) {
                throw new CommandLine.ParameterException(cl, "--active-processors must be 4 or more (a 2-core machine's common pool would hide mistakes)");
            }
            if (hidden != null && !Files.isRegularFile(hidden)) {
                throw new CommandLine.ParameterException(cl, "hidden tests jar " + hidden + " does not exist");
            }
            GraderHome home = GraderHome.locate();
            Optional<Path> hiddenJar = noHidden ? Optional.empty() : hidden != null ? Optional.of(hidden) : home.hiddenJar();
            Path sub = submission.toAbsolutePath().normalize();
            Path reports = (reportDir != null ? reportDir : sub.resolve("target/grader")).toAbsolutePath().normalize();
            List<String> ids = exercises.isEmpty() ? ExerciseSpec.KNOWN : exercises.stream().distinct().toList();
            Path work = Files.createTempDirectory("grader-");
            try {
                GradeRequest request = new GradeRequest(sub, ids, hiddenJar, activeProcessors,
                        Duration.ofSeconds(testTimeout), Duration.ofSeconds(timeout), work);
                GradeReport report = new Grader(home).grade(request);
                Path file = Exporters.writeAll(report, reports, formats).get("json");
                new ConsoleSummary(cl.getColorScheme().ansi() == CommandLine.Help.Ansi.ON).print(report, file, out);
                ExitCode code = report.graderError() != null ? ExitCode.GRADER_ERROR
                        : report.fullMarks() ? ExitCode.FULL_MARKS : ExitCode.BELOW_FULL_MARKS;
                // One word beside the report, for build steps that act on the outcome (the Maven profiles do).
                Files.writeString(reports.resolve("outcome.txt"), code.word() + "\n");
                return code.code();
            } finally {
                deleteTree(work);
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

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // Scratch space only; the OS cleans its temp folder.
        }
    }
}
