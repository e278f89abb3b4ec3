package grader.report;

import grader.values.Site;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the engine hands the report from the test JVM's text: where a failure is in the learner's code, how long a test took. */
public final class TraceSites {
    /** One frame of a printed stack trace: {@code at [loader//][module@version/]class.method(File.java:23)}. */
    private static final Pattern FRAME = Pattern.compile(
            "^\\s*at (?:[^\\s/()]+/)*([\\p{L}\\p{N}_$.]+)\\.([\\p{L}\\p{N}_$<>]+)\\(([^:()]*)(?::(\\d+))?\\)\\s*$");

    private TraceSites() {}

    /**
     * {@return the first frame of {@code trace} (the innermost, as printed) whose class, or the class it is nested in,
     * is one of the learner's, or null when there is none}
     *
     * @param trace          a stack trace as {@link Throwable#printStackTrace()} prints it, or null
     * @param learnerClasses the learner's class names (binary names, {@code course.fetch.StatusFetcher})
     */
    public static Site learnerSite(String trace, Set<String> learnerClasses) {
        if (trace == null || learnerClasses.isEmpty()) {
            return null;
        }
        for (String line : trace.split("\n")) {
            Matcher m = FRAME.matcher(line.stripTrailing());
            if (!m.matches()) {
                continue;
            }
            String cls = m.group(1);
            int nested = cls.indexOf('$');
            String outer = nested < 0 ? cls : cls.substring(0, nested);
            if (learnerClasses.contains(cls) || learnerClasses.contains(outer)) {
                String file = m.group(3).isEmpty() || m.group(3).contains(" ") ? null : m.group(3);
                return new Site(cls, m.group(2), file, m.group(4) == null ? -1 : Integer.parseInt(m.group(4)));
            }
        }
        return null;
    }

    /**
     * {@return the last of the duration entries the test JVM sent for a test, in milliseconds, or null if there is
     * none or it is not a whole non-negative number}
     */
    public static Long millis(List<String> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        try {
            long ms = Long.parseLong(entries.get(entries.size() - 1).strip());
            return ms < 0 ? null : ms;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
