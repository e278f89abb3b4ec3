package grader.cli;

import grader.report.Gradebook;
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

/** {@code merge-gradebooks}: one gradebook from the shards' gradebooks. */
@Command(name = "merge-gradebooks", mixinStandardHelpOptions = true,
        description = "Merge the gradebooks of shards (each a gradebook.json, or a folder holding one) into one gradebook.csv, "
                + "gradebook.json and class.html (the class page links each learner to <learner>/report.html beside their shard's gradebook).")
final class MergeGradebooksCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<gradebook>", description = "gradebook.json files or folders that hold one")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "<dir>", required = true, description = "where the merged gradebook goes")
    Path out;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        List<Gradebook> parts = new ArrayList<>();
        List<Path> reportDirs = new ArrayList<>();
        for (Path in : inputs) {
            Path file = Files.isDirectory(in) ? in.resolve("gradebook.json") : in;
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(cl, "<gradebook> " + in + ": no gradebook.json there");
            }
            parts.add(Gradebook.read(file));
            reportDirs.add(file.toAbsolutePath().getParent());
        }
        Gradebook merged;
        try {
            merged = Gradebook.merge(parts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "cannot merge: " + e.getMessage());
        }
        merged.write(out, reportDirs);
        cl.getOut().println("merged " + parts.size() + " gradebooks, " + merged.rows().size() + " learners: " + out.resolve("gradebook.csv")
                + " and " + out.resolve("class.html"));
        return ExitCode.FULL_MARKS.code();
    }
}
