package grader.report;

import static grader.report.HtmlText.esc;
import static grader.report.HtmlText.num;

import grader.verdict.ExerciseSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code class.html}: the teacher's view of a whole class, drawn from its {@link Gradebook} alone, so a merged
 * gradebook draws the same page as one unsharded run. Self-contained like {@code report.html}: inline CSS and SVG,
 * no script (its Content-Security-Policy forbids any), nothing fetched. It shows the score histogram of the graded
 * learners; per exercise the models learners chose and the flaws found, with counts and bars; the most common flaws
 * with the learners who have them, each linked to their own report; and who could not be graded and why. Every
 * string that may come from a learner (folder names, error messages) is escaped.
 */
final class ClassPage {
    static final String FILE = "class.html";
    /** How many flaws the "most common flaws" table lists. */
    static final int COMMON_FLAWS = 10;
    /** The histogram's bins over 0 to the maximum score. */
    static final int BINS = 10;
    private static final String CSS = HtmlPage.resource("/grader/html/report.css") + HtmlPage.resource("/grader/html/class.css");
    private static final String NO_MODEL = "(no model seen)";

    private ClassPage() {}

    /**
     * {@return the page for this gradebook}
     *
     * @param link a learner's folder name to the relative URL of their report, or null when they have none
     */
    static String render(Gradebook book, Function<String, String> link) {
        List<Gradebook.Row> graded = book.rows().stream().filter(r -> "graded".equals(r.status())).toList();
        List<Gradebook.Row> ungraded = book.rows().stream().filter(r -> !"graded".equals(r.status())).toList();
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light">
                """);
        h.append("<title>Class report: ").append(book.rows().size()).append(" learners</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        header(h, book, graded, ungraded);
        histogram(h, graded);
        for (String id : book.exercises()) {
            exercise(h, id, graded);
        }
        commonFlaws(h, book, graded, link);
        ungraded(h, ungraded, link);
        h.append("<footer>gradebook schema ").append(book.schemaVersion())
                .append(" \u00b7 counts are over the graded learners; each learner's own page has the evidence behind every verdict.</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Gradebook book, List<Gradebook.Row> graded, List<Gradebook.Row> ungraded) {
        double max = graded.stream().mapToDouble(Gradebook.Row::maxScore).max().orElse(0);
        double mean = graded.stream().mapToDouble(Gradebook.Row::score).average().orElse(0);
        h.append("<header class=\"top\">\n<div>\n<h1>Class report</h1>\n<ul class=\"counts\"><li class=\"learners-count\">")
                .append(book.rows().size()).append(" learners</li><li class=\"graded\">").append(graded.size()).append(" graded</li>");
        for (String status : List.of(Gradebook.NOT_SUBMITTED, "grader-error")) {
            long n = ungraded.stream().filter(r -> status.equals(r.status())).count();
            h.append("<li class=\"status-").append(status).append("\">").append(n).append(' ')
                    .append(status.equals(Gradebook.NOT_SUBMITTED) ? "not submitted" : "could not be graded").append("</li>");
        }
        h.append("</ul>\n</div>\n<div class=\"total\">mean <span class=\"big\">").append(graded.isEmpty() ? "\u2013" : num(round(mean)))
                .append("</span>/").append(num(max)).append("</div>\n</header>\n");
        if (book.exercises().size() > 1) {
            h.append("<nav>");
            for (String id : book.exercises()) {
                h.append("<a href=\"#ex-").append(HtmlText.token(id)).append("\">").append(esc(id)).append("</a>");
            }
            h.append("<a href=\"#common-flaws\">most common flaws</a><a href=\"#not-graded\">not graded</a></nav>\n");
        }
    }

    /** An SVG bar per bin of the total score, over 0 to the highest maximum; the last bin holds the full marks too. */
    private static void histogram(StringBuilder h, List<Gradebook.Row> graded) {
        h.append("<section id=\"scores\">\n<h2>Scores <span class=\"title\">").append(graded.size())
                .append(" graded learners</span></h2>\n");
        if (graded.isEmpty()) {
            h.append("<p>No learner was graded.</p>\n</section>\n");
            return;
        }
        double max = graded.stream().mapToDouble(Gradebook.Row::maxScore).max().orElse(0);
        int[] bins = bins(graded, max);
        int most = 1;
        for (int b : bins) {
            most = Math.max(most, b);
        }
        int width = 720;
        int height = 200;
        int top = 18;
        int bottom = 34;
        int slot = width / BINS;
        h.append("<svg class=\"histogram\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" aria-label=\"how many learners scored in each tenth of the maximum\">\n");
        h.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(height - bottom).append("\" y2=\"")
                .append(height - bottom).append("\"/>\n");
        for (int i = 0; i < BINS; i++) {
            int barHeight = (height - top - bottom) * bins[i] / most;
            int x = i * slot;
            String range = num(round(max * i / BINS)) + "\u2013" + num(round(max * (i + 1) / BINS));
            h.append("<g class=\"bin\" data-from=\"").append(num(round(max * i / BINS))).append("\" data-count=\"").append(bins[i])
                    .append("\"><title>").append(bins[i]).append(" scored ").append(range).append(i == BINS - 1 ? " (inclusive)" : "")
                    .append("</title><rect class=\"bin\" x=\"").append(x + 4).append("\" y=\"").append(height - bottom - barHeight)
                    .append("\" width=\"").append(slot - 8).append("\" height=\"").append(barHeight).append("\"/>");
            if (bins[i] > 0) {
                h.append("<text class=\"count\" text-anchor=\"middle\" x=\"").append(x + slot / 2).append("\" y=\"")
                        .append(height - bottom - barHeight - 4).append("\">").append(bins[i]).append("</text>");
            }
            h.append("<text text-anchor=\"middle\" x=\"").append(x + slot / 2).append("\" y=\"").append(height - bottom + 16)
                    .append("\">").append(range).append("</text></g>\n");
        }
        h.append("</svg>\n</section>\n");
    }

    /** {@return how many learners fall in each of {@link #BINS} equal bins of 0 to {@code max}, the last one closed} */
    static int[] bins(List<Gradebook.Row> graded, double max) {
        int[] bins = new int[BINS];
        for (Gradebook.Row r : graded) {
            int bin = max <= 0 ? BINS - 1 : (int) Math.floor(r.score() / max * BINS);
            bins[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        return bins;
    }

    private static void exercise(StringBuilder h, String id, List<Gradebook.Row> graded) {
        Map<String, Integer> models = new LinkedHashMap<>();
        Map<String, Integer> flaws = new LinkedHashMap<>();
        int withCell = 0;
        for (Gradebook.Row r : graded) {
            Gradebook.Cell c = r.exercises().get(id);
            if (c == null) {
                continue;
            }
            withCell++;
            models.merge(c.model() == null ? NO_MODEL : c.model(), 1, Integer::sum);
            c.flaws().stream().distinct().forEach(f -> flaws.merge(f, 1, Integer::sum));
        }
        List<String> expected = expectedModels(id);
        h.append("<section class=\"exercise\" id=\"ex-").append(HtmlText.token(id)).append("\">\n<h2>").append(esc(id))
                .append(" <span class=\"title\">").append(withCell).append(" graded</span></h2>\n<div class=\"columns\">\n<div>\n")
                .append("<h3>Models learners chose</h3>\n");
        tally(h, "models", models, withCell, expected);
        h.append("</div>\n<div>\n<h3>Flaws found</h3>\n");
        if (flaws.isEmpty()) {
            h.append("<p>No flaw found.</p>\n");
        } else {
            tally(h, "flaws", flaws, withCell, List.of());
        }
        h.append("</div>\n</div>\n</section>\n");
    }

    private static void tally(StringBuilder h, String kind, Map<String, Integer> counts, int of, List<String> expected) {
        h.append("<table class=\"tally ").append(kind).append("\"><tbody>");
        for (Map.Entry<String, Integer> e : sorted(counts)) {
            boolean ok = expected.contains(e.getKey());
            h.append("<tr data-id=\"").append(esc(e.getKey())).append("\" data-count=\"").append(e.getValue()).append('"')
                    .append(ok ? " class=\"expected\"" : "").append("><th>").append(esc(e.getKey())).append("</th><td class=\"num\">")
                    .append(e.getValue()).append("</td><td><span class=\"meter\"><span style=\"width:")
                    .append(String.format(Locale.ROOT, "%.0f", of == 0 ? 0 : 100.0 * e.getValue() / of)).append("%\"></span></span></td><td>")
                    .append(ok ? "<small>expected</small>" : "").append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    /** Flaw by flaw, most learners first, across exercises: who has it, each linked to their report. */
    private static void commonFlaws(StringBuilder h, Gradebook book, List<Gradebook.Row> graded, Function<String, String> link) {
        record Found(String exercise, String flaw, List<String> learners) {}
        Map<String, Found> found = new LinkedHashMap<>();
        for (String id : book.exercises()) {
            for (Gradebook.Row r : graded) {
                Gradebook.Cell c = r.exercises().get(id);
                if (c == null) {
                    continue;
                }
                for (String f : c.flaws().stream().distinct().toList()) {
                    found.computeIfAbsent(id + "\u0000" + f, k -> new Found(id, f, new ArrayList<>())).learners().add(r.learner());
                }
            }
        }
        List<Found> common = found.values().stream()
                .sorted(Comparator.comparing((Found f) -> -f.learners().size()).thenComparing(Found::exercise).thenComparing(Found::flaw))
                .limit(COMMON_FLAWS).toList();
        h.append("<section id=\"common-flaws\">\n<h2>Most common flaws</h2>\n");
        if (common.isEmpty()) {
            h.append("<p>No graded learner has a flaw.</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"common\"><thead><tr><th>flaw</th><th>exercise</th><th>learners</th><th>who</th></tr></thead><tbody>\n");
        for (Found f : common) {
            h.append("<tr data-flaw=\"").append(esc(f.flaw())).append("\" data-exercise=\"").append(esc(f.exercise()))
                    .append("\"><th><code>").append(esc(f.flaw())).append("</code></th><td>").append(esc(f.exercise()))
                    .append("</td><td class=\"num\">").append(f.learners().size()).append("</td><td><div class=\"learners\">");
            for (String learner : f.learners()) {
                learner(h, learner, link, "#ex-" + HtmlText.token(f.exercise()));
            }
            h.append("</div></td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void ungraded(StringBuilder h, List<Gradebook.Row> ungraded, Function<String, String> link) {
        h.append("<section id=\"not-graded\">\n<h2>Not graded <span class=\"title\">").append(ungraded.size())
                .append("</span></h2>\n");
        if (ungraded.isEmpty()) {
            h.append("<p>Every learner was graded.</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"ungraded\"><thead><tr><th>learner</th><th>status</th><th>why</th></tr></thead><tbody>\n");
        for (Gradebook.Row r : ungraded) {
            boolean none = Gradebook.NOT_SUBMITTED.equals(r.status());
            h.append("<tr class=\"").append(HtmlText.token(r.status())).append("\"><td>");
            learner(h, r.learner(), link, "");
            h.append("</td><td>").append(esc(r.status())).append("</td><td class=\"why\">")
                    .append(none ? "no exercise has a source file in the folder" : esc(HtmlText.cut(r.error(), 600)))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void learner(StringBuilder h, String learner, Function<String, String> link, String fragment) {
        String href = link.apply(learner);
        if (href == null) {
            h.append("<span class=\"learner\">").append(esc(learner)).append("</span>");
        } else {
            h.append("<a class=\"learner\" href=\"").append(esc(href + fragment)).append("\">").append(esc(learner)).append("</a>");
        }
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
    }

    /** {@return the exercise's expected models, or none when the grader does not know the exercise} */
    private static List<String> expectedModels(String id) {
        try {
            return ExerciseSpec.load(id).models().expected();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
