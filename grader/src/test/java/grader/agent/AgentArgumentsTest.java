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

    @Test
    void capsFollowTheKernelsAfterSemicolonsAndKernelsAloneStillWork() {
        AgentArguments parsed = AgentArguments.parse("kernels=course.x.Y#z;threads=2000;processes=64");
        assertEquals(Map.of("course.x.Y", List.of("z")), parsed.kernels());
        assertEquals(2000, parsed.threads());
        assertEquals(64, parsed.processes());
        assertEquals(List.of(), parsed.problems());

        AgentArguments kernelsOnly = AgentArguments.parse("kernels=course.x.Y#z");
        assertEquals(AgentArguments.NO_CAP, kernelsOnly.threads());
        assertEquals(AgentArguments.NO_CAP, kernelsOnly.processes());
    }

    @Test
    void capsAloneOrInAnyOrderWithEmptyKernels() {
        AgentArguments parsed = AgentArguments.parse(" processes=3 ; kernels= ; threads=50 ;");
        assertEquals(Map.of(), parsed.kernels());
        assertEquals(50, parsed.threads());
        assertEquals(3, parsed.processes());
        assertEquals(List.of(), parsed.problems());
        assertEquals(0, AgentArguments.parse("threads=0").threads());
    }

    @Test
    void aCapThatIsNotAWholeNumberOrIsGivenTwiceIsAProblemThatNamesIt() {
        for (String args : new String[] {"threads=many", "threads=-1", "processes=", "threads=3;threads=4"}) {
            AgentArguments parsed = AgentArguments.parse(args);
            assertEquals(1, parsed.problems().size(), args + ": " + parsed.problems());
            assertTrue(parsed.problems().get(0).contains("threads=") || parsed.problems().get(0).contains("processes="),
                    parsed.problems()::toString);
        }
        assertEquals(AgentArguments.NO_CAP, AgentArguments.parse("threads=many").threads());
        assertEquals(3, AgentArguments.parse("threads=3;threads=4").threads());
    }

    @Test
    void lockPackagesAreListedOnceInArgumentOrderAndABadNameIsAProblem() {
        AgentArguments parsed = AgentArguments.parse("kernels=;threads=10;locks=course.lock, course.x,course.lock,9bad");
        assertEquals(List.of("course.lock", "course.x"), parsed.lockPackages());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).contains("\"9bad\""), parsed.problems()::toString);
        assertEquals(List.of(), AgentArguments.parse("kernels=course.x.Y#z").lockPackages());
    }

    @Test
    void theJdkCacheNamesAFileAndItsSha256AndAnythingElseIsAProblem() {
        String sha = "0123456789abcdef".repeat(4);
        AgentArguments parsed = AgentArguments.parse("threads=10;jdkcache=/tmp/a#b/jdk-classes.bin#" + sha);
        assertEquals("/tmp/a#b/jdk-classes.bin", parsed.jdkCache());
        assertEquals(sha, parsed.jdkCacheSha256());
        assertEquals(List.of(), parsed.problems());
        for (String bad : List.of("jdkcache=/tmp/x.bin", "jdkcache=/tmp/x.bin#ABC", "jdkcache=#" + sha,
                "jdkcache=/tmp/x.bin#" + sha.toUpperCase())) {
            AgentArguments wrong = AgentArguments.parse(bad);
            assertEquals(null, wrong.jdkCache(), bad);
            assertEquals(1, wrong.problems().size(), bad);
            assertTrue(wrong.problems().get(0).contains("jdkcache=<file>#<SHA-256"), wrong.problems()::toString);
        }
        assertEquals("/tmp/out.bin", AgentArguments.parse("export=/tmp/out.bin").export());
        assertEquals(null, AgentArguments.parse("threads=1").export());
        assertEquals(1, AgentArguments.parse("export= ").problems().size());
    }
}
