package grader.values;

/**
 * A place in the learner's source: the first learner frame of a stack, printed the way IDEs and
 * terminals link it, {@code course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:23)}.
 */
public record Site(String className, String method, String file, int line) {

    @Override
    public String toString() {
        String where = file == null ? "Unknown Source" : line > 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }
}
