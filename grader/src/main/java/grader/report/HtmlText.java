package grader.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text for the HTML report: escaping of every string that may come from a learner (thread names,
 * messages, output, paths) and the formatting of times and numbers.
 */
final class HtmlText {
    private HtmlText() {}

    /**
     * {@return {@code s} safe as HTML or SVG text and as a quoted attribute value}: {@code & < > " '}
     * become character references, control characters HTML does not allow (all of C0 but tab, line
     * feed and carriage return; DEL and C1) become U+FFFD, so terminal colour codes show as a mark,
     * never as markup. {@code null} becomes the empty string.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r' -> b.append(c);
                default -> b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '\ufffd' : c);
            }
        }
        return b.toString();
    }

    /** {@return {@code s} as a CSS class token: lower-case letters, digits and dashes, never empty} */
    static String token(String s) {
        String t = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return t.isEmpty() ? "none" : t;
    }

    /** {@return {@code s} cut to {@code max} characters, an ellipsis marking the cut} */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s == null ? "" : s;
        }
        return s.substring(0, max - 1) + "\u2026";
    }

    /** {@return a time in microseconds for people, with three significant digits: "850 µs", "2.41 ms", "5.01 s"} */
    static String micros(long us) {
        return exactMicros(new BigDecimal(us).round(new MathContext(3)).longValue());
    }

    /** {@return a time in microseconds with every digit it has, in the largest unit that keeps it readable} */
    static String exactMicros(long us) {
        long abs = Math.abs(us);
        if (abs < 1_000) {
            return us + " \u00b5s";
        }
        int shift = abs < 1_000_000 ? 3 : 6;
        return BigDecimal.valueOf(us).movePointLeft(shift).stripTrailingZeros().toPlainString() + (shift == 3 ? " ms" : " s");
    }

    /** {@return a coordinate for SVG: one decimal, a dot whatever the locale} */
    static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** {@return a score as the console prints it: 7, 7.5, 7.25} */
    static String num(double d) {
        return Scores.format(d);
    }
}
