package grader.cli;

/** The grader's exit codes: a contract with course pipelines, listed in {@code --help} and the README. */
enum ExitCode {
    /** Every graded exercise got full marks. */
    FULL_MARKS(0, "full-marks"),
    /** Graded, below full marks (a complete report was written). */
    BELOW_FULL_MARKS(1, "below-full-marks"),
    /** Bad usage: unknown option or exercise, missing folder; the usage text is printed. */
    USAGE(2, "usage"),
    /** The grader itself failed (agent self-test, no test JVM, an internal error); no score is trustworthy. */
    GRADER_ERROR(3, "grader-error");

    private final int code;
    private final String word;

    ExitCode(int code, String word) {
        this.code = code;
        this.word = word;
    }

    /** {@return the outcome as one word, as written to {@code outcome.txt}} */
    public String word() {
        return word;
    }

    public int code() {
        return code;
    }
}
