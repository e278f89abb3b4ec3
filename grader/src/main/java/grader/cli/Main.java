package grader.cli;

import java.io.PrintWriter;

/** {@code java -jar grader.jar ...}: {@link #run} does the work; {@code main} only exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        boolean colour = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM")) && System.getenv("CI") == null;
        int code = run(out, err, colour, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (see {@link ExitCode}). */
    public static int run(PrintWriter out, PrintWriter err, boolean colour, String... args) {
        return GraderCommand.commandLine(out, err, colour).execute(args);
    }
}
