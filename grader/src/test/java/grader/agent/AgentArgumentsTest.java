package grader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void noArgumentWatchesNoKernel() {
        for (String args : new String[] {null, "", "  ", "kernels=", "kernels=,"}) {
            AgentArguments parsed = AgentArguments.parse(args);
            assertEquals(Map.of(), parsed.kernels(), args);
            assertEquals(List.of(), parsed.problems(), args);
        }
    }

    @Test
    void kernelsAreGroupedByClassInArgumentOrder() {
        AgentArguments parsed = AgentArguments.parse(
                "kernels=course.compute.FactorialSums#sumOfFactorials, course.x.Y#z,course.x.Y#w,course.x.Y#z");
        assertEquals(Map.of("course.compute.FactorialSums", List.of("sumOfFactorials"), "course.x.Y", List.of("z", "w")),
                parsed.kernels());
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    void aKernelWithoutOneHashIsAProblemThatNamesIt() {
        AgentArguments parsed = AgentArguments.parse("kernels=course.X,course.Y#,#m,a#b#c,course.Z#ok");
        assertEquals(Map.of("course.Z", List.of("ok")), parsed.kernels());
        assertEquals(4, parsed.problems().size(), parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).contains("\"course.X\""), parsed.problems()::toString);
    }

    @Test
    void anUnknownOptionIsAProblem() {
        AgentArguments parsed = AgentArguments.parse("verbose=true");
        assertEquals(Map.of(), parsed.kernels());
        assertEquals(1, parsed.problems().size());
    }
}
