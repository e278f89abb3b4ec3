package grader.report;

import grader.values.Evidence.CallSpan;
import grader.values.ThreadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline's lanes: one per thread that made calls, the caller's first, then in the order of each
 * thread's first call. Past {@link #MAX_LANES} threads, the last lane holds all the others. Calls that
 * overlap on one thread (asynchronous requests) go to rows of their own inside the lane, up to
 * {@link #MAX_ROWS}; past that they are drawn over each other and {@link #crowded()} says so.
 *
 * @param lanes   the lanes, top to bottom
 * @param threads how many threads made calls
 * @param merged  how many of them share the last lane (0 when every thread has its own)
 * @param crowded whether some lane had more calls in progress than rows
 */
record HtmlLanes(List<Lane> lanes, int threads, int merged, boolean crowded) {
    /** Most lanes drawn: enough to see every worker of a typical pool, few enough to read. */
    static final int MAX_LANES = 24;
    /** Most rows in one lane: a dozen asynchronous requests from one thread each get their own. */
    static final int MAX_ROWS = 16;

    HtmlLanes {
        lanes = List.copyOf(lanes);
    }

    /**
     * One lane.
     *
     * @param thread  the thread's name (of the first thread, for the shared lane)
     * @param kind    its kind id, or null for a shared lane of mixed kinds
     * @param threads how many threads it holds (1 unless it is the shared lane)
     * @param rows    the calls, each row's calls never overlapping (unless crowded), in start order
     */
    record Lane(String thread, String kind, int threads, List<List<CallSpan>> rows) {
        Lane {
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** {@return every call in the lane} */
        List<CallSpan> calls() {
            return rows.stream().flatMap(List::stream).sorted(Comparator.comparingLong(CallSpan::startMicros)).toList();
        }
    }

    /** {@return the lanes of these calls} */
    static HtmlLanes of(List<CallSpan> spans) {
        Map<String, List<CallSpan>> byThread = new LinkedHashMap<>();
        List<CallSpan> sorted = spans.stream().sorted(Comparator.comparingLong(CallSpan::startMicros)
                .thenComparingLong(CallSpan::endMicros)).toList();
        for (CallSpan s : sorted) {
            // Names are not unique (a learner may name every worker "worker"); the kind tells some apart.
            byThread.computeIfAbsent(s.thread() + "\u0000" + s.kind(), k -> new ArrayList<>()).add(s);
        }
        List<List<CallSpan>> threads = new ArrayList<>(byThread.values());
        threads.sort(Comparator.comparing((List<CallSpan> t) -> !ThreadKind.CALLER.id().equals(t.get(0).kind())));
        boolean[] crowded = {false};
        List<Lane> lanes = new ArrayList<>();
        int own = threads.size() <= MAX_LANES ? threads.size() : MAX_LANES - 1;
        for (List<CallSpan> t : threads.subList(0, own)) {
            lanes.add(new Lane(t.get(0).thread(), t.get(0).kind(), 1, rows(t, crowded)));
        }
        List<List<CallSpan>> rest = threads.subList(own, threads.size());
        if (!rest.isEmpty()) {
            List<CallSpan> calls = rest.stream().flatMap(List::stream)
                    .sorted(Comparator.comparingLong(CallSpan::startMicros).thenComparingLong(CallSpan::endMicros)).toList();
            String kind = rest.stream().map(t -> t.get(0).kind()).distinct().count() == 1 ? rest.get(0).get(0).kind() : null;
            lanes.add(new Lane(rest.get(0).get(0).thread(), kind, rest.size(), rows(calls, crowded)));
        }
        return new HtmlLanes(lanes, threads.size(), rest.size(), crowded[0]);
    }

    /** Greedy interval partitioning: each call goes to the first row free at its start. */
    private static List<List<CallSpan>> rows(List<CallSpan> calls, boolean[] crowded) {
        List<List<CallSpan>> rows = new ArrayList<>();
        List<Long> freeAt = new ArrayList<>();
        for (CallSpan c : calls) {
            int row = -1;
            for (int r = 0; r < rows.size() && row < 0; r++) {
                if (freeAt.get(r) <= c.startMicros()) {
                    row = r;
                }
            }
            if (row < 0 && rows.size() < MAX_ROWS) {
                rows.add(new ArrayList<>());
                freeAt.add(Long.MIN_VALUE);
                row = rows.size() - 1;
            }
            if (row < 0) {
                crowded[0] = true;
                row = 0;
                for (int r = 1; r < rows.size(); r++) {
                    row = freeAt.get(r) < freeAt.get(row) ? r : row;
                }
            }
            rows.get(row).add(c);
            freeAt.set(row, Math.max(freeAt.get(row), c.endMicros()));
        }
        return rows;
    }
}
