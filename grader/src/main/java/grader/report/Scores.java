package grader.report;

import java.util.Locale;

/** How every text format writes a score: 7, 7.5, 7.25 (the JSON formats keep the number). */
public final class Scores {
    private Scores() {}

    public static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
