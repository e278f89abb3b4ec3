package grader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The install check without an agent: nothing is instrumented, so it must name every probe that stayed silent. */
class SelfTestTest {

    @Test
    void withoutInstrumentationEveryProbeIsNamed() throws Exception {
        List<String> problems = new SelfTest().run(new InstallLog(), GraderAgent.JDK_TYPES);
        String all = String.join("\n", problems);
        assertTrue(all.contains("instead of the bootstrap class loader"), all);
        for (String type : GraderAgent.JDK_TYPES) {
            assertTrue(all.contains(type + " was not transformed"), all);
        }
        assertTrue(all.contains("no start was seen for a platform thread started with Thread.start()"), all);
        assertTrue(all.contains("no start was seen for a pool worker"), all);
        assertTrue(all.contains("no start was seen for a virtual thread"), all);
        assertTrue(all.contains("no pool creation was seen for new ThreadPoolExecutor(1, 2, ...)"), all);
        assertTrue(all.contains("no pool creation was seen for new ForkJoinPool(3)"), all);
        assertTrue(all.contains("ProcessBuilder.start() did not reach the probe"), all);
        assertTrue(all.contains("Thread.sleep did not reach the probe"), all);
        assertTrue(all.contains("Thread.join did not reach the probe"), all);
        assertEquals(1 + GraderAgent.JDK_TYPES.size() + 8, problems.size(), all);
    }
}
