package grader.launch.fork;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.verdict.ExerciseSpec;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetsTest {
    private static final Duration CEILING = Duration.ofSeconds(60);

    private static Budgets budgets() {
        return new Budgets(Map.of("A#slow", 3_000L, "A#quick", 20L, "A#heavy", 9_000L), CEILING, false);
    }

    @Test
    void aBudgetIsTenTimesTheReferenceRunAtLeastTheFloorAtMostTheCeiling() {
        Budgets b = budgets();
        assertAll(
                () -> assertEquals(Duration.ofSeconds(30), b.of("A", "slow", 1).time()),
                () -> assertEquals(Budgets.FLOOR, b.of("A", "quick", 1).time()),
                () -> assertEquals(CEILING, b.of("A", "heavy", 1).time()),
                () -> assertEquals(CEILING, b.of("A", "unknown", 1).time(), "a test the reference run does not know"),
                () -> assertEquals(CEILING, b.of("A", "quick", 1).limit(), "it runs on to the ceiling while it works"),
                () -> assertFalse(b.of("A", "quick", 1).isShort()));
    }

    @Test
    void aLoadedMachineGivesMoreTimeUpToTheCeiling() {
        Budgets b = budgets();
        assertAll(
                () -> assertEquals(Duration.ofSeconds(60), b.of("A", "slow", 2).time()),
                () -> assertEquals(Budgets.FLOOR, b.of("A", "quick", 4).time(), "the floor already covers 4 x 200 ms"));
    }

    @Test
    void onceTheLearnersCodeHungEveryLaterTestGetsItsShortBudget() {
        Budgets b = budgets();
        b.markHung();
        assertAll(
                () -> assertTrue(b.hung()),
                () -> assertEquals(Duration.ofSeconds(6), b.of("A", "slow", 1).time()),
                () -> assertEquals(Duration.ofSeconds(6), b.of("A", "slow", 4).time(), "not scaled by load"),
                () -> assertEquals(CEILING, b.of("A", "slow", 1).limit(), "a test whose threads still work runs on"),
                () -> assertEquals(Budgets.SHORT_FLOOR, b.of("A", "quick", 1).time()),
                () -> assertEquals(Budgets.SHORT_UNKNOWN, b.of("A", "unknown", 1).time()),
                () -> assertTrue(b.of("A", "quick", 1).isShort()),
                () -> assertEquals("its short budget of 1 s", b.of("A", "quick", 1).describe()),
                () -> assertEquals("its budget of 5 s", budgets().of("A", "quick", 1).describe()));
    }

    @Test
    void theProcessorBudgetIsTwentyTimesWhatTheReferenceCouldUseOnEveryProcessorAtLeastItsFloorAndNotScaledByLoad() {
        Budgets b = new Budgets(Map.of("A#slow", 3_000L, "A#quick", 20L), CEILING, false, Budgets.CPU_FLOOR, 2);
        assertAll(
                () -> assertEquals(Duration.ofSeconds(120), b.of("A", "slow", 1).cpu(), "20 x 3 s x 2 processors"),
                () -> assertEquals(Duration.ofSeconds(120), b.of("A", "slow", 4).cpu(), "the load does not change it"),
                () -> assertEquals(Budgets.CPU_FLOOR, b.of("A", "quick", 1).cpu()),
                () -> assertEquals(null, b.of("A", "unknown", 1).cpu(), "a test the reference run does not know runs on to the ceiling"));
        b.markHung();
        assertEquals(Budgets.CPU_FLOOR, b.of("A", "quick", 1).cpu(), "the same after a hang");
    }

    @Test
    void aShortBudgetNeverPassesTheCeiling() {
        Budgets b = new Budgets(Map.of("A#slow", 3_000L), Duration.ofSeconds(4), true);
        assertAll(
                () -> assertEquals(Duration.ofSeconds(4), b.of("A", "slow", 1).time()),
                () -> assertEquals(Duration.ofSeconds(4), b.of("A", "slow", 1).limit()));
    }

    @Test
    void aRestartedTestJvmKnowsTheLearnersCodeHungFromItsSystemProperty() {
        assertFalse(Budgets.load(CEILING).hung(), "not set in this JVM");
        assertEquals("grader.afterHang", Budgets.AFTER_HANG);
    }

    @Test
    void everyTestOfEverySpecHasAReferenceTime() throws ClassNotFoundException {
        Map<String, Long> reference = Budgets.readReference();
        List<String> missing = new ArrayList<>();
        for (String id : ExerciseSpec.KNOWN) {
            for (String className : ExerciseSpec.load(id).tests().all(true)) {
                for (Method m : Class.forName(className).getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Test.class) && !reference.containsKey(className + "#" + m.getName())) {
                        missing.add(className + "#" + m.getName());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "run grader.engine.ReferenceBudgets to time these with the reference solution: " + missing);
    }

    @Test
    void machineProcessorsAreCountedFromTheKernelsRanges() {
        assertAll(
                () -> assertEquals(1, Budgets.countProcessors("0")),
                () -> assertEquals(2, Budgets.countProcessors("0-1\n")),
                () -> assertEquals(5, Budgets.countProcessors("0-3,8")));
        double scale = Budgets.loadScale();
        assertTrue(scale >= 1 && scale <= Budgets.MAX_LOAD_SCALE, "scale " + scale);
    }
}
