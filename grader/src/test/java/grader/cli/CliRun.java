package grader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in-process, with what it printed: for tests of commands and their usage errors. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
