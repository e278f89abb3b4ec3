package grader.probes;

/**
 * A place in the learner's source: the first learner frame of a stack, printed the way IDEs and
 * terminals link it, {@code course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:23)}.
 */
public record Site(String className, String method, String file, int line) {

    static Site of(StackWalker.StackFrame frame) {
        return new Site(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    @Override
    public String toString() {
        String where = file == null ? "Unknown Source" : line > 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }
}
