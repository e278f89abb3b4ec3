package grader.hidden.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.compute.FactorialSums;
import grader.checks.compute.FactorialReference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("hidden")
class ComputeHiddenTest {

    @Test
    void matchesThePythonLessonsInputs() {
        List<Integer> ns = List.of(1000, 2000, 3000, 4000);
        List<BigInteger> expected = ns.stream().map(FactorialReference::sumOfFactorials).toList();
        assertEquals(expected, FactorialSums.computeAll(ns));
    }

    @Test
    void keepsInputOrderForDescendingAndRepeatedInputs() {
        List<Integer> ns = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ns.add((i % 7 == 0) ? 5 : 400 - i * 3);
        }
        List<BigInteger> expected = ns.stream().map(FactorialReference::sumOfFactorials).toList();
        assertEquals(expected, FactorialSums.computeAll(ns));
    }

    @Test
    void handlesTheSmallestInputs() {
        assertEquals(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(4)),
                FactorialSums.computeAll(List.of(0, 1, 2, 3)));
    }

    @Test
    void returnsAnEmptyListForNoInputs() {
        assertEquals(List.of(), FactorialSums.computeAll(List.of()));
    }
}
