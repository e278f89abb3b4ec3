package grader.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void eachLimitIsTheLargestAnyExerciseGetsWithTheDefaultForThoseThatSayNothing() {
        Limits processes = new Limits(null, null, null, 40, null, null);
        Limits slow = new Limits(120, 512, null, null, null, null);
        Limits combined = Limits.mostGenerous(List.of(processes, slow));
        // processes asks for fewer process starts than the default: the other exercise still gets the default 512;
        // slow asks for a smaller heap: the default 1024 MB stays.
        assertEquals(new Limits(120, 1024, 2000, 512, 64, "loopback"), combined);
    }

    @Test
    void anExerciseAloneGetsWhatItsSpecSaysEvenBelowTheDefault() {
        assertEquals(new Limits(60, 1024, 2000, 40, 64, "loopback"),
                Limits.mostGenerous(List.of(new Limits(null, null, null, 40, null, null))));
    }

    @Test
    void theNetworkIsOpenOnlyWhenAnExerciseAsksForIt() {
        assertEquals("loopback", Limits.mostGenerous(List.of(Limits.DEFAULT, new Limits(null, null, null, null, null, "loopback"))).network());
        assertEquals("open", Limits.mostGenerous(List.of(Limits.DEFAULT, new Limits(null, null, null, null, null, "open"))).network());
    }

    @Test
    void noExerciseOrOneWithoutLimitsGivesTheDefaults() {
        assertEquals(Limits.DEFAULT, Limits.mostGenerous(List.of()));
        assertEquals(Limits.DEFAULT, Limits.mostGenerous(Arrays.asList((Limits) null)));
    }

    @Test
    void aLimitOutOfRangeIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Limits(0, null, null, null, null, null));
        assertEquals("limits.perTestSeconds must be between 1 and 3600, not 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Limits(null, null, null, null, null, "internet"));
        assertTrue(e.getMessage().contains("limits.network must be \"loopback\" or \"open\""), e.getMessage());
    }

    @Test
    void describeNamesEveryLimit() {
        assertEquals("at most 60 s per test, 1024 MB heap, 2000 thread starts, 512 process starts, 64 KB of output kept, network: loopback only",
                Limits.DEFAULT.describe());
    }
}
