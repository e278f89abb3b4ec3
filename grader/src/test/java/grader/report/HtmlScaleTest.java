package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Evidence.CallSpan;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The time axes: exact order of starts and ends, readable widths, and ticks that do not collide. */
class HtmlScaleTest {
    static final List<CallSpan> SEQUENTIAL = HtmlFixture.sequential(12);

    static HtmlScale scale(String id, List<CallSpan> spans) {
        return "linear".equals(id) ? HtmlScale.linear(spans, 200, 1000) : HtmlScale.compressed(spans, 200, 1000);
    }

    @ParameterizedTest(name = "the {0} scale keeps the order of every start and end")
    @ValueSource(strings = {"compressed", "linear"})
    void scaleKeepsTheOrderOfEveryStartAndEnd(String id) {
        List<CallSpan> spans = HtmlFixture.pooled(48, 4);
        HtmlScale s = scale(id, spans);
        TreeSet<Long> times = new TreeSet<>();
        spans.forEach(c -> {
            times.add(c.startMicros());
            times.add(c.endMicros());
        });
        Long previous = null;
        for (long t : times) {
            if (previous != null) {
                assertTrue(s.x(t) > s.x(previous), id + ": " + t + " is right of " + previous);
            }
            previous = t;
        }
        assertAll(() -> assertEquals(200, s.x(0), 1e-9), () -> assertEquals(1000, s.x(times.last()), 1e-9));
    }

    @Test
    void compressedScaleLeavesShortCallsRoomBesideALongWait() {
        HtmlScale s = scale("compressed", SEQUENTIAL);
        double first = s.x(SEQUENTIAL.get(0).endMicros()) - s.x(SEQUENTIAL.get(0).startMicros());
        for (CallSpan c : SEQUENTIAL.subList(1, SEQUENTIAL.size())) {
            double width = s.x(c.endMicros()) - s.x(c.startMicros());
            assertTrue(width >= 20, "a short call is " + width + " px wide");
            assertTrue(width < first, "the long wait stays the longest bar");
        }
    }

    @ParameterizedTest(name = "the {0} scale's ticks ascend from 0 and never collide")
    @ValueSource(strings = {"compressed", "linear"})
    void ticksAscendFromZeroAndNeverCollide(String id) {
        for (List<CallSpan> spans : List.of(SEQUENTIAL, HtmlFixture.pooled(12, 3), List.of(new CallSpan("main", "caller", 0, 1, false)))) {
            HtmlScale s = scale(id, spans);
            List<Long> ticks = s.ticks();
            assertEquals(0L, ticks.get(0));
            for (int i = 1; i < ticks.size(); i++) {
                assertTrue(ticks.get(i) > ticks.get(i - 1) && ticks.get(i) <= s.end(), "ticks " + ticks);
                assertTrue(s.x(ticks.get(i)) - s.x(ticks.get(i - 1)) >= HtmlScale.TICK_GAP - 1e-9, id + " ticks too close: " + ticks);
            }
        }
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertAll(
                () -> assertEquals(1, HtmlScale.niceStep(0)),
                () -> assertEquals(1, HtmlScale.niceStep(1)),
                () -> assertEquals(2, HtmlScale.niceStep(2)),
                () -> assertEquals(5, HtmlScale.niceStep(3)),
                () -> assertEquals(10, HtmlScale.niceStep(7)),
                () -> assertEquals(2_000, HtmlScale.niceStep(1_200)),
                () -> assertEquals(1_000_000, HtmlScale.niceStep(1_000_000)));
    }
}
