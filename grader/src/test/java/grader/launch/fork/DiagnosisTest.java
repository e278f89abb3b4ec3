package grader.launch.fork;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.probes.LearnerCode;
import java.io.BufferedWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's watchdog on hangs it can tell from the threads, run in this JVM on a test of this file with its
 * short budget (1 s, as after a hang): a loop that spins on past its budget ends on its processor budget (processor
 * time, not the clock: the machine's load does not change when it ends), and a loop that takes the interrupt and goes
 * back to its wait is called deaf from that evidence, not after the clock's {@link Diagnosis#DEAF_AFTER}.
 */
class DiagnosisTest {
    static final String RUN = "grader.test.diagnosis";

    /** Run only by the tests below (Surefire leaves nested classes out; the property keeps them out of any other run). */
    @EnabledIfSystemProperty(named = RUN, matches = "true")
    static class Spinner {
        static volatile long sink;

        /** Spins until interrupted: it heeds the interrupt, but works all along, so the clock can't call it hung. */
        @Test
        void spins() {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x += x * 31 ^ 7;
            }
            sink = x;
        }
    }

    /** Run only by the tests below. */
    @EnabledIfSystemProperty(named = RUN, matches = "true")
    static class Swallower {
        /** Set when the watchdog says the test is deaf, so the test ends and this JVM goes on. */
        static volatile boolean stop;

        @Test
        void swallows() {
            while (!stop) {
                try {
                    Thread.sleep(50); // a hang's shape, not synchronisation: what the watchdog must recognise
                } catch (InterruptedException e) {
                    // swallowed: back to the wait
                }
            }
        }
    }

    /** Runs {@code test}'s class with a 1 s short budget, a processor budget of at least 300 ms, and the watchdog. */
    private static List<ForkEvent> watch(Class<?> test, String method) throws Exception {
        StringWriter sent = new StringWriter() {
            @Override
            public void flush() {
                // The channel flushes each line it writes.
                if (toString().contains(Diagnosis.DEAF_KEY)) {
                    Swallower.stop = true;
                }
            }
        };
        ForkMain.Channel channel = new ForkMain.Channel(new BufferedWriter(sent));
        Budgets budgets = new Budgets(Map.of(test.getName() + "#" + method, 1L), Duration.ofSeconds(60), true,
                Duration.ofMillis(300), 1);
        StreamingListener listener = new StreamingListener(channel, budgets);
        Thread watchdog = Thread.ofPlatform().daemon().start(new Diagnosis(listener, channel));
        System.setProperty(RUN, "true");
        LearnerCode.declare(Set.of(test.getName()));
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(), listener);
        } finally {
            System.clearProperty(RUN);
            LearnerCode.declare(Set.of());
            watchdog.interrupt();
            watchdog.join();
        }
        ObjectMapper json = new ObjectMapper();
        List<ForkEvent> events = new ArrayList<>();
        for (String line : sent.toString().split("\n")) {
            if (!line.isBlank()) {
                events.add(json.readValue(line, ForkEvent.class));
            }
        }
        return events;
    }

    private static List<String> entries(List<ForkEvent> events, String key) {
        return events.stream().filter(e -> "entry".equals(e.t()) && key.equals(e.key())).map(ForkEvent::value).toList();
    }

    @Test
    void aLoopThatKeepsWorkingPastItsBudgetEndsOnItsProcessorBudget() throws Exception {
        List<ForkEvent> events = watch(Spinner.class, "spins");
        List<String> timeouts = entries(events, Diagnosis.TIMEOUT_KEY);
        assertAll(events.toString(),
                () -> assertEquals(1, timeouts.size()),
                () -> assertTrue(timeouts.get(0).startsWith("its short budget of 1 s and then its processor budget of 0.3 s"
                        + " (its threads kept working: "), timeouts.get(0)),
                () -> assertTrue(entries(events, Diagnosis.DEAF_KEY).isEmpty(), "it heeded the interrupt"),
                () -> assertTrue(events.stream().anyMatch(e -> "end".equals(e.t()) && "FAILED".equals(e.status())
                        && e.message().startsWith("timed out: ran past its short budget of 1 s and then its processor budget")),
                        "it failed as timed out"));
    }

    @Test
    void aLoopBackInItsWaitWithTheInterruptTakenIsDeafFromThatEvidence() throws Exception {
        Swallower.stop = false;
        List<ForkEvent> events = watch(Swallower.class, "swallows");
        List<String> deaf = entries(events, Diagnosis.DEAF_KEY);
        assertAll(events.toString(),
                () -> assertEquals(1, entries(events, Diagnosis.TIMEOUT_KEY).size()),
                () -> assertEquals(1, deaf.size()),
                () -> assertTrue(deaf.get(0).startsWith("its thread took the interrupt and went back to waiting at "
                        + Swallower.class.getName() + ".swallows(DiagnosisTest.java:"), deaf.get(0)));
    }
}
