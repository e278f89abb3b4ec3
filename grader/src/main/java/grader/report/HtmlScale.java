package grader.report;

import grader.values.Evidence.CallSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A time axis of the timeline: maps microseconds since the learner's method was called to x, from
 * {@code x0} (time 0) to {@code x1} (the last call's end). Both scales keep the order of every start
 * and end exactly, so two bars overlap on screen exactly when the calls did.
 */
sealed interface HtmlScale permits HtmlScale.Linear, HtmlScale.Compressed {
    /** Least distance between two tick labels, in px. */
    double TICK_GAP = 72;

    /** {@return the x of a time} */
    double x(long micros);

    /** {@return the times to label on the axis, ascending, starting at 0} */
    List<Long> ticks();

    /** {@return "linear" or "compressed": the scale's id in the page} */
    String id();

    /** {@return the last time on the axis} */
    long end();

    /** {@return the linear scale of these calls} */
    static Linear linear(List<CallSpan> spans, double x0, double x1) {
        return new Linear(lastEnd(spans), x0, x1);
    }

    /** {@return the compressed scale of these calls} */
    static Compressed compressed(List<CallSpan> spans, double x0, double x1) {
        TreeSet<Long> events = new TreeSet<>();
        events.add(0L);
        long[] durations = new long[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            CallSpan s = spans.get(i);
            events.add(Math.max(0, s.startMicros()));
            events.add(Math.max(0, s.endMicros()));
            durations[i] = Math.max(0, s.endMicros() - s.startMicros());
        }
        Arrays.sort(durations);
        // The unit is a quarter of the median call: a typical call gets a readable width, and a wait a
        // thousand times longer gets only a few times more.
        double unit = Math.max(1, durations.length == 0 ? 1 : durations[durations.length / 2] / 4.0);
        long[] times = events.stream().mapToLong(Long::longValue).toArray();
        double[] weights = new double[times.length];
        for (int i = 1; i < times.length; i++) {
            weights[i] = weights[i - 1] + Math.log1p((times[i] - times[i - 1]) / unit);
        }
        double total = weights[weights.length - 1];
        double[] xs = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            xs[i] = total == 0 ? x0 : x0 + (x1 - x0) * weights[i] / total;
        }
        return new Compressed(times, xs, x0, x1);
    }

    /** {@return the least of 1, 2 and 5 times a power of ten that is at least {@code span}} */
    static long niceStep(long span) {
        long m = 1;
        while (m * 10 <= Math.max(1, span)) {
            m *= 10;
        }
        return span <= m ? m : span <= 2 * m ? 2 * m : span <= 5 * m ? 5 * m : 10 * m;
    }

    private static long lastEnd(List<CallSpan> spans) {
        return Math.max(1, spans.stream().mapToLong(CallSpan::endMicros).max().orElse(1));
    }

    /** Time in proportion: long waits look long, and calls a thousand times shorter may shrink to a line. */
    record Linear(long end, double x0, double x1) implements HtmlScale {
        @Override
        public double x(long micros) {
            return x0 + (x1 - x0) * Math.min(Math.max(micros, 0), end) / end;
        }

        @Override
        public List<Long> ticks() {
            long step = HtmlScale.niceStep((long) Math.ceil(end / Math.max(1, (x1 - x0) / (TICK_GAP * 1.4))));
            List<Long> ticks = new ArrayList<>();
            for (long t = 0; t <= end; t += step) {
                ticks.add(t);
            }
            return ticks;
        }

        @Override
        public String id() {
            return "linear";
        }
    }

    /**
     * Every stretch between two consecutive starts or ends gets a width that grows with the logarithm of
     * its length: the order of events is exact and longer stays longer, but a five-second wait no longer
     * squeezes a dozen two-millisecond calls into a few pixels. Between two events time is linear.
     *
     * @param times every distinct start and end, and 0, ascending
     * @param xs    the x of each
     */
    record Compressed(long[] times, double[] xs, double x0, double x1) implements HtmlScale {
        @Override
        public double x(long micros) {
            int i = Arrays.binarySearch(times, micros);
            if (i >= 0) {
                return xs[i];
            }
            int after = -i - 1;
            if (after == 0) {
                return xs[0];
            }
            if (after == times.length) {
                return xs[times.length - 1];
            }
            double f = (double) (micros - times[after - 1]) / (times[after] - times[after - 1]);
            return xs[after - 1] + f * (xs[after] - xs[after - 1]);
        }

        /** {@return the time at an x: the inverse of {@link #x(long)} where it is increasing} */
        long time(double x) {
            for (int i = 1; i < times.length; i++) {
                if (x <= xs[i]) {
                    double span = xs[i] - xs[i - 1];
                    double f = span == 0 ? 1 : (x - xs[i - 1]) / span;
                    return times[i - 1] + Math.round(f * (times[i] - times[i - 1]));
                }
            }
            return end();
        }

        @Override
        public long end() {
            return times[times.length - 1];
        }

        /**
         * Ticks at round times, at least {@link #TICK_GAP} apart: under each step along the axis, the time
         * rounded to a 1-2-5 step no finer than the time that one gap spans there.
         */
        @Override
        public List<Long> ticks() {
            List<Long> ticks = new ArrayList<>(List.of(0L));
            long last = 0;
            double lastX = x(0);
            for (double at = x0 + TICK_GAP; at <= x1; at += TICK_GAP / 8) {
                long t = time(at);
                long step = HtmlScale.niceStep(t - time(at - TICK_GAP));
                long r = Math.round((double) t / step) * step;
                if (r > last && r <= end() && x(r) - lastX >= TICK_GAP) {
                    ticks.add(r);
                    last = r;
                    lastX = x(r);
                }
            }
            return ticks;
        }

        @Override
        public String id() {
            return "compressed";
        }
    }
}
