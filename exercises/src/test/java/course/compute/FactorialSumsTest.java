package course.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Public tests of {@link FactorialSums#computeAll}: results only. The grader judges the
 * concurrency model separately, from what it observes.
 *
 * <p>Expected values come from {@link #expectedSums}, which these tests compute on their own:
 * the tests never call {@code sumOfFactorials}, so every call the grader counts is yours.
 */
class FactorialSumsTest {

    @Test
    void returnsSumsInInputOrder() {
        List<Integer> ns = List.of(5, 0, 3, 1, 4, 2, 10);

        List<BigInteger> sums = FactorialSums.computeAll(ns);

        // 0! + 1! + ... + (n - 1)!: n = 5 gives 1 + 1 + 2 + 6 + 24 = 34
        assertEquals(numbers(34, 0, 4, 1, 10, 2, 409_114), sums, "sum for each n, in the order of ns");
    }

    @Test
    void computesTheLessonsInputs() {
        // The Python lesson's pool.map(compute, [1000, 2000, 3000, 4000]), in another order.
        List<Integer> ns = List.of(3000, 1000, 4000, 2000);

        List<BigInteger> sums = FactorialSums.computeAll(ns);

        assertEquals(expectedSums(ns), sums);
    }

    @Test
    void keepsOrderAndRepeatedValuesForManyInputs() {
        List<Integer> ns = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            ns.add(i * 25);
            ns.add(700 - i * 10);
        }
        ns.add(300);
        ns.add(300);
        Collections.shuffle(ns, new Random(2024));

        List<BigInteger> sums = FactorialSums.computeAll(List.copyOf(ns));

        assertEquals(expectedSums(ns), sums, "one sum per element, repeated values included, in order");
    }

    @Test
    void returnsAnEmptyListForNoValues() {
        assertEquals(List.of(), FactorialSums.computeAll(List.of()));
    }

    @Test
    void rejectsNegativeValues() {
        assertThrows(IllegalArgumentException.class, () -> FactorialSums.computeAll(List.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> FactorialSums.computeAll(List.of(3, 100, -2, 7)));
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> FactorialSums.computeAll(null));
        assertThrows(NullPointerException.class, () -> FactorialSums.computeAll(Arrays.asList(3, null, 7)));
    }

    private static List<BigInteger> numbers(long... values) {
        return Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
    }

    /** The sum of i! for 0 <= i < n, for each n: one table of running sums up to the largest n. */
    private static List<BigInteger> expectedSums(List<Integer> ns) {
        int largest = ns.stream().mapToInt(Integer::intValue).max().orElse(0);
        BigInteger[] sumBelow = new BigInteger[largest + 1]; // sumBelow[n] = 0! + ... + (n - 1)!
        sumBelow[0] = BigInteger.ZERO;
        BigInteger factorial = BigInteger.ONE;
        for (int i = 0; i < largest; i++) {
            sumBelow[i + 1] = sumBelow[i].add(factorial);
            factorial = factorial.multiply(BigInteger.valueOf(i + 1L));
        }
        return ns.stream().map(n -> sumBelow[n]).toList();
    }
}
