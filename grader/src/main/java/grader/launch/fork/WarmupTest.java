package grader.launch.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Warmup} runs through JUnit: a passing and a failing assertion, the kinds every hidden test makes. */
class WarmupTest {
    @Test
    void passes() {
        assertEquals(List.of(1, 2), List.of(1, 2));
        assertTrue(Thread.currentThread().isAlive());
    }

    @Test
    void catchesAFailure() {
        assertThrows(AssertionError.class, () -> assertEquals(1, 2, "the training run's expected failure"));
    }
}
