package grader.launch.fork;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's listener sends each test's CPU (the JVM's at its start and end, and its own thread's) for the grader's
 * CPU trace: a test that works until its thread has used 50 ms of CPU is sent as at least that, on its thread and on
 * the JVM; a test that sleeps 300 ms is sent as using less CPU than that (it waited). CPU time, not wall time: the
 * machine's load changes neither.
 */
class StreamingListenerCpuTest {
    static final String RUN = "grader.test.cpu";
    static final long WORK_NANOS = 50_000_000L;

    /** Run only by the test below (Surefire leaves nested classes out; the property keeps them out of any other run). */
    @EnabledIfSystemProperty(named = RUN, matches = "true")
    static class Spender {
        static volatile long sink;

        @Test
        void works50MillisOfCpu() {
            long until = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + WORK_NANOS;
            long x = 0;
            while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() < until) {
                for (int i = 0; i < 10_000; i++) {
                    x += i * 31L ^ x;
                }
            }
            sink = x;
        }

        @Test
        void sleeps300Millis() throws InterruptedException {
            Thread.sleep(300);
        }
    }

    @Test
    void everyTestSendsTheJvmsAndItsThreadsCpu() throws Exception {
        StringWriter sent = new StringWriter();
        ForkMain.Channel channel = new ForkMain.Channel(new BufferedWriter(sent));
        System.setProperty(RUN, "true");
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Spender.class)).build(),
                    new StreamingListener(channel));
        } finally {
            System.clearProperty(RUN);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        for (String line : sent.toString().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            ForkEvent e = json.readValue(line, ForkEvent.class);
            if ("entry".equals(e.t()) && ForkEvent.CPU_KEY.equals(e.key())) {
                String[] f = e.value().split(" ");
                cpu.put(e.id().contains("works50") ? "works" : "sleeps",
                        new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        long[] works = cpu.get("works");
        long[] sleeps = cpu.get("sleeps");
        assertAll(sent.toString(),
                () -> assertEquals(2, cpu.size(), "one CPU entry per test"),
                () -> assertTrue(works[2] >= WORK_NANOS, "the worker's thread used at least 50 ms: " + works[2]),
                () -> assertTrue(works[1] - works[0] >= WORK_NANOS, "and so did its JVM: " + (works[1] - works[0])),
                () -> assertTrue(sleeps[2] < 300_000_000L, "the sleeper's thread waited, using less than its 300 ms: " + sleeps[2]),
                () -> assertTrue(sleeps[0] <= sleeps[1] && works[1] <= sleeps[0] || sleeps[1] <= works[0],
                        "the JVM's CPU only grows, test after test"));
    }
}
