package grader.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How text formats write a test's duration, and which tests were slowest. */
final class Durations {
    private Durations() {}

    /** {@return 312 ms, 4.2 s, 61 s: whole milliseconds below a second, then seconds} */
    static String text(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : (millis / 1000) + " s";
    }

    /** {@return the {@code n} tests that took longest, longest first; tests with no duration left out} */
    static List<GradeReport.TestResult> slowest(GradeReport report, int n) {
        return report.exercises().stream().flatMap(e -> e.tests().stream()).filter(t -> t.durationMillis() != null)
                .sorted(Comparator.comparingLong(GradeReport.TestResult::durationMillis).reversed()).limit(n).toList();
    }
}
