package grader.launch.fork;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.launch.fork.ForkEvent;
import grader.report.TraceSites;
import java.io.BufferedWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's listener measures every test around the test alone and sends it before the test's end: a test
 * whose method sleeps 300 ms is sent as at least 300 ms (a lower bound, whatever the machine's load).
 */
class StreamingListenerDurationTest {
    static final String RUN = "grader.test.sleeper";

    /** Run only by the test below (Surefire leaves nested classes out; the property keeps them out of any other run). */
    @EnabledIfSystemProperty(named = RUN, matches = "true")
    static class Sleeper {
        @Test
        void sleeps300Millis() throws InterruptedException {
            Thread.sleep(300);
        }

        @Test
        void returnsAtOnce() {
        }
    }

    @Test
    void everyTestEndsWithItsDurationInWholeMillisecondsSentJustBeforeItsEnd() throws Exception {
        StringWriter sent = new StringWriter();
        ForkMain.Channel channel = new ForkMain.Channel(new BufferedWriter(sent));
        System.setProperty(RUN, "true");
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sleeper.class)).build(),
                    new StreamingListener(channel));
        } finally {
            System.clearProperty(RUN);
        }
        ObjectMapper json = new ObjectMapper();
        List<ForkEvent> events = new ArrayList<>();
        for (String line : sent.toString().split("\n")) {
            if (!line.isBlank()) {
                events.add(json.readValue(line, ForkEvent.class));
            }
        }
        Long sleeper = null;
        Long quick = null;
        int endsAfterDuration = 0;
        for (int i = 0; i < events.size(); i++) {
            ForkEvent e = events.get(i);
            if ("entry".equals(e.t()) && ForkEvent.DURATION_KEY.equals(e.key())) {
                long ms = TraceSites.millis(List.of(e.value()));
                if (e.id().contains("sleeps300Millis")) {
                    sleeper = ms;
                } else {
                    quick = ms;
                }
                ForkEvent next = events.get(i + 1);
                endsAfterDuration += "end".equals(next.t()) && next.id().equals(e.id()) ? 1 : 0;
            }
        }
        Long slept = sleeper;
        Long returned = quick;
        int inOrder = endsAfterDuration;
        assertAll(sent.toString(),
                () -> assertTrue(slept != null && slept >= 300, "the sleeper took at least 300 ms: " + slept),
                () -> assertTrue(returned != null && returned >= 0, "the quick test has a duration too: " + returned),
                () -> assertEquals(2, inOrder, "each duration comes right before its test's end"));
    }
}
