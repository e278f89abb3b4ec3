package grader.cli;

import grader.engine.GraderHome;
import grader.engine.Grader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code startup-cache}: makes the test JVM's start-up cache now, as the first grading would, so that a pipeline's
 * image (Gradescope's {@code setup.sh}) carries it and no submission pays for making it.
 */
@Command(name = "startup-cache", mixinStandardHelpOptions = true,
        description = "Make (or check) the test JVM's start-up cache for this JDK and grader build: the agent's transformed"
                + " JDK classes and a class-data archive, in <tmp>/grader-cache-<user>. Grading makes it by itself the first"
                + " time; run this where an image is built so that every grading finds it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the cache is ready (its folder is printed)",
            "3:it could not be made (the reason is printed); grading still works, each test JVM starting without it"})
final class StartupCacheCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Grader.CacheStatus status = Grader.makeStartupCache(GraderHome.locate());
        out.println(status.ready() ? "start-up cache ready: " + status.text() : "no start-up cache: " + status.text());
        return (status.ready() ? ExitCode.FULL_MARKS : ExitCode.GRADER_ERROR).code();
    }
}
