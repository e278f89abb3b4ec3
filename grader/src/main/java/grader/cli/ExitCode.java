package grader.cli;

/** The grader's exit codes: a contract with course pipelines, listed in {@code --help} and the README. */
public enum ExitCode {
    /** Every graded exercise got full marks. */
    FULL_MARKS(0),
    /** Graded, below full marks (a complete report was written). */
    BELOW_FULL_MARKS(1),
    /** Bad usage: unknown option or exercise, missing folder; the usage text is printed. */
    USAGE(2),
    /** The grader itself failed (agent self-test, no test JVM, an internal error); no score is trustworthy. */
    GRADER_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
