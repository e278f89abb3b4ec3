package grader.report;

import static grader.report.HtmlText.esc;
import static grader.report.HtmlText.px;

import grader.values.Evidence;
import grader.values.Evidence.CallSpan;
import grader.values.ThreadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The picture of one observed scenario: a lane per thread, a bar per watched call from its start to its
 * end, coloured by thread kind, with a legend, the number of calls in progress over time, and a time
 * axis (compressed by default; linear behind a checkbox, switched by CSS alone). "Sequential" shows as
 * one lane of bars end to end, "concurrent" as several lanes whose bars overlap. Times are drawn, never
 * judged: the verdict above the picture comes from counts.
 *
 * <p>The page relies on these hooks (the browser test reads them): {@code svg.timeline[data-scale]},
 * one {@code g.lane[data-thread][data-kind][data-threads]} per lane, one {@code rect.bar[data-start][data-end]}
 * per call.
 */
final class HtmlTimeline {
    static final double WIDTH = 1080;
    private static final double PLOT_X0 = 228;
    private static final double PLOT_X1 = WIDTH - 24;
    /** A row's height and its bar's, in a lane of a few rows; a lane of many gets thinner ones. */
    private static final double ROW = 16;
    private static final double BAR = 12;
    private static final double THIN_ROW = 10;
    private static final double THIN_BAR = 7;
    private static final double LANE_MIN = 32;
    private static final double PROFILE = 44;

    private HtmlTimeline() {}

    /** {@return the figure for this evidence record, or a sentence when no call was made} */
    static String render(Evidence ev) {
        List<CallSpan> spans = ev.timeline();
        String label = ev.callLabel() == null ? "call" : ev.callLabel();
        StringBuilder h = new StringBuilder();
        if (spans.isEmpty()) {
            return h.append("<p class=\"note\">No ").append(esc(label)).append(ev.calls() == 0 ? " was made" : " timeline was recorded")
                    .append(", so there is nothing to draw.</p>\n").toString();
        }
        HtmlLanes lanes = HtmlLanes.of(spans);
        h.append("<div class=\"timeline-figure\">\n");
        legend(h, spans);
        notes(h, ev, lanes, label);
        h.append("<label class=\"scale-toggle\"><input type=\"checkbox\" class=\"linear-toggle\"> linear time axis</label>\n");
        for (boolean linear : new boolean[] {false, true}) {
            HtmlScale scale = linear ? HtmlScale.linear(spans, PLOT_X0, PLOT_X1) : HtmlScale.compressed(spans, PLOT_X0, PLOT_X1);
            h.append("<div class=\"scale scale-").append(scale.id()).append("\">\n");
            svg(h, ev, lanes, scale, label);
            h.append("<p class=\"axis-caption\">").append(linear
                    ? "Time since your method was called, in proportion."
                    : "Time since your method was called, compressed: each stretch between two starts or ends is "
                      + "shortened to the logarithm of its length, so short calls stay visible beside long waits. The order of "
                      + "starts and ends is exact; the ticks give real times.")
                    .append(" Times are for the picture only: the verdict comes from counts, never from the clock.</p>\n</div>\n");
        }
        return h.append("</div>\n").toString();
    }

    private static void legend(StringBuilder h, List<CallSpan> spans) {
        Set<ThreadKind> kinds = EnumSet.noneOf(ThreadKind.class);
        spans.forEach(s -> kinds.add(HtmlThreadKinds.of(s.kind()).orElse(ThreadKind.OTHER)));
        h.append("<ul class=\"legend\">");
        for (ThreadKind k : kinds) {
            h.append("<li><span class=\"swatch k-").append(k.id()).append("\"></span><b>").append(HtmlThreadKinds.label(k))
                    .append("</b> ").append(esc(HtmlThreadKinds.meaning(k))).append("</li>");
        }
        if (spans.stream().anyMatch(CallSpan::async)) {
            h.append("<li><span class=\"swatch async\"></span><b>asynchronous</b> sent without waiting (outlined: "
                    + "from sending to the response)</li>");
        }
        h.append("</ul>\n");
    }

    private static void notes(StringBuilder h, Evidence ev, HtmlLanes lanes, String label) {
        List<String> notes = new ArrayList<>();
        if (ev.calls() > ev.timeline().size()) {
            notes.add("The timeline keeps the first " + ev.timeline().size() + " of " + ev.calls() + " " + esc(label)
                    + "s; the numbers above count all of them.");
        }
        if (lanes.merged() > 0) {
            notes.add(lanes.threads() + " threads made " + esc(label) + "s: the first " + (HtmlLanes.MAX_LANES - 1)
                    + " (by their first " + esc(label) + ", the caller before all) have a lane each; the other " + lanes.merged()
                    + " share the last lane.");
        }
        if (lanes.crowded()) {
            notes.add("Some lane had more than " + HtmlLanes.MAX_ROWS + " " + esc(label) + "s in progress at once: the extra bars are "
                    + "drawn over others. The \u201cin progress\u201d row below counts them all.");
        }
        boolean gaveUp = ev.rendezvous() != null ? !ev.rendezvous().reached() : ev.peakOverlap() <= 1 && ev.calls() > 1;
        if (gaveUp) {
            String target = ev.rendezvous() != null ? String.valueOf(ev.rendezvous().target()) : "several";
            notes.add("The grader held the first " + esc(label) + " until " + target + " were in progress together; that never "
                    + "happened, so it let go after a few seconds. A long first bar is that wait: the grader's, not your code's.");
        }
        for (String n : notes) {
            h.append("<p class=\"note\">").append(n).append("</p>\n");
        }
    }

    private static void svg(StringBuilder h, Evidence ev, HtmlLanes lanes, HtmlScale scale, String label) {
        List<Double> tops = new ArrayList<>();
        double y = 6;
        for (HtmlLanes.Lane lane : lanes.lanes()) {
            tops.add(y);
            y += laneHeight(lane) + 2;
        }
        double profileTop = y + 12;
        double axisY = profileTop + PROFILE + 8;
        double height = axisY + 30;
        h.append("<svg class=\"timeline\" data-scale=\"").append(scale.id()).append("\" viewBox=\"0 0 ").append(px(WIDTH)).append(' ')
                .append(px(height)).append("\" width=\"100%\" role=\"img\" aria-label=\"").append(esc(ev.timeline().size() + " " + label
                        + "s on " + lanes.threads() + (lanes.threads() == 1 ? " thread" : " threads"))).append("\">\n");
        for (int i = 0; i < lanes.lanes().size(); i++) {
            lane(h, lanes.lanes().get(i), i, tops.get(i), scale, label);
        }
        profile(h, ev, scale, profileTop, label);
        axis(h, scale, axisY);
        h.append("</svg>\n");
    }

    private static double laneHeight(HtmlLanes.Lane lane) {
        return Math.max(LANE_MIN, lane.rows().size() * row(lane) + 8);
    }

    private static double row(HtmlLanes.Lane lane) {
        return lane.rows().size() > 8 ? THIN_ROW : ROW;
    }

    private static void lane(StringBuilder h, HtmlLanes.Lane lane, int index, double top, HtmlScale scale, String label) {
        double height = laneHeight(lane);
        String kindLabel = lane.kind() == null ? "mixed kinds" : HtmlThreadKinds.label(lane.kind());
        String name = lane.threads() == 1 ? lane.thread() : "+" + lane.threads() + " more threads";
        h.append("<g class=\"lane").append(lane.threads() > 1 ? " shared" : "").append("\" data-thread=\"").append(esc(lane.thread()))
                .append("\" data-kind=\"").append(esc(lane.kind() == null ? "mixed" : lane.kind())).append("\" data-threads=\"")
                .append(lane.threads()).append("\">\n");
        h.append("<rect class=\"lane-bg").append(index % 2 == 1 ? " odd" : "").append("\" x=\"0\" y=\"").append(px(top))
                .append("\" width=\"").append(px(WIDTH)).append("\" height=\"").append(px(height)).append("\"/>");
        double mid = top + height / 2;
        h.append("<text class=\"lane-name\" x=\"10\" y=\"").append(px(mid - 2)).append("\">").append(esc(HtmlText.cut(name, 28)))
                .append("<title>").append(esc(lane.threads() == 1 ? name : name + ", from " + lane.thread())).append("</title></text>");
        h.append("<text class=\"lane-kind\" x=\"10\" y=\"").append(px(mid + 11)).append("\">").append(esc(kindLabel)).append("</text>\n");
        double row = row(lane);
        double bar = row == ROW ? BAR : THIN_BAR;
        double rowsTop = top + (height - lane.rows().size() * row) / 2 + (row - bar) / 2;
        for (int r = 0; r < lane.rows().size(); r++) {
            for (CallSpan c : lane.rows().get(r)) {
                bar(h, c, rowsTop + r * row, bar, scale, label, lane.threads() > 1);
            }
        }
        h.append("</g>\n");
    }

    private static void bar(StringBuilder h, CallSpan c, double y, double height, HtmlScale scale, String label, boolean shared) {
        double x0 = scale.x(c.startMicros());
        double width = Math.max(2, scale.x(c.endMicros()) - x0);
        String title = label + " on " + c.thread() + " (" + HtmlThreadKinds.label(c.kind()) + (c.async() ? ", asynchronous" : "")
                + "): " + HtmlText.micros(c.startMicros()) + " \u2192 " + HtmlText.micros(c.endMicros()) + ", "
                + HtmlText.micros(c.endMicros() - c.startMicros());
        h.append("<rect class=\"bar ").append(HtmlThreadKinds.cssClass(c.kind())).append(c.async() ? " async" : "")
                .append(shared ? " shared" : "").append("\" x=\"").append(px(x0)).append("\" y=\"").append(px(y))
                .append("\" width=\"").append(px(width)).append("\" height=\"").append(px(height)).append("\" rx=\"2\" data-start=\"")
                .append(c.startMicros()).append("\" data-end=\"").append(c.endMicros()).append("\"><title>").append(esc(title))
                .append("</title></rect>\n");
    }

    /** How many calls were in progress over time, as a step area, with the exercise's limit as a dashed line. */
    private static void profile(StringBuilder h, Evidence ev, HtmlScale scale, double top, String label) {
        record Event(long at, int delta) {}
        List<Event> events = new ArrayList<>();
        for (CallSpan c : ev.timeline()) {
            events.add(new Event(c.startMicros(), 1));
            events.add(new Event(c.endMicros(), -1));
        }
        // An end and a start at the same microsecond do not overlap.
        events.sort(Comparator.comparingLong(Event::at).thenComparingInt(Event::delta));
        int peak = 0;
        int now = 0;
        for (Event e : events) {
            now += e.delta();
            peak = Math.max(peak, now);
        }
        int top2 = Math.max(1, Math.max(peak, ev.limit()));
        double bottom = top + PROFILE;
        double unit = PROFILE / top2;
        StringBuilder path = new StringBuilder("M").append(px(scale.x(0))).append(' ').append(px(bottom));
        now = 0;
        for (Event e : events) {
            double x = scale.x(e.at());
            path.append(" L").append(px(x)).append(' ').append(px(bottom - now * unit));
            now += e.delta();
            path.append(" L").append(px(x)).append(' ').append(px(bottom - now * unit));
        }
        path.append(" Z");
        h.append("<g class=\"in-progress\" data-peak=\"").append(peak).append("\">\n");
        h.append("<text class=\"lane-name\" x=\"10\" y=\"").append(px(top + PROFILE / 2 - 2)).append("\">in progress</text>");
        h.append("<text class=\"lane-kind\" x=\"10\" y=\"").append(px(top + PROFILE / 2 + 11)).append("\">").append(esc(label))
                .append("s at once, at most ").append(peak).append("</text>\n");
        h.append("<line class=\"baseline\" x1=\"").append(px(PLOT_X0)).append("\" x2=\"").append(px(PLOT_X1)).append("\" y1=\"")
                .append(px(bottom)).append("\" y2=\"").append(px(bottom)).append("\"/>");
        h.append("<path class=\"area\" d=\"").append(path).append("\"/>\n");
        h.append("<text class=\"count\" x=\"").append(px(PLOT_X0 - 6)).append("\" y=\"").append(px(bottom)).append("\">0</text>");
        h.append("<text class=\"count\" x=\"").append(px(PLOT_X0 - 6)).append("\" y=\"").append(px(top + 8)).append("\">").append(top2)
                .append("</text>\n");
        if (ev.limit() > 0) {
            double ly = bottom - ev.limit() * unit;
            h.append("<line class=\"limit\" x1=\"").append(px(PLOT_X0)).append("\" x2=\"").append(px(PLOT_X1)).append("\" y1=\"")
                    .append(px(ly)).append("\" y2=\"").append(px(ly)).append("\"/>");
            h.append("<text class=\"limit-label\" x=\"").append(px(PLOT_X1)).append("\" y=\"").append(px(ly - 3)).append("\">")
                    .append(esc(ev.limitName() + " = " + ev.limit())).append("</text>\n");
        }
        h.append("</g>\n");
    }

    private static void axis(StringBuilder h, HtmlScale scale, double y) {
        h.append("<g class=\"axis\">\n<line x1=\"").append(px(PLOT_X0)).append("\" x2=\"").append(px(PLOT_X1)).append("\" y1=\"")
                .append(px(y)).append("\" y2=\"").append(px(y)).append("\"/>\n");
        for (long t : scale.ticks()) {
            double x = scale.x(t);
            h.append("<line x1=\"").append(px(x)).append("\" x2=\"").append(px(x)).append("\" y1=\"").append(px(y)).append("\" y2=\"")
                    .append(px(y + 5)).append("\"/><text x=\"").append(px(x)).append("\" y=\"").append(px(y + 18)).append("\"")
                    .append(t == 0 ? " class=\"first\"" : x > PLOT_X1 - 30 ? " class=\"last\"" : "").append('>')
                    .append(t == 0 ? "0" : esc(HtmlText.exactMicros(t))).append("</text>\n");
        }
        h.append("</g>\n");
    }
}
