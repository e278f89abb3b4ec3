package grader.checks.compute;

import java.math.BigInteger;

/** The grader's own sum of factorials: expected values never come from the learner's kernel. */
public final class FactorialReference {
    private FactorialReference() {}

    /** {@return the sum of i! for 0 <= i < n} */
    public static BigInteger sumOfFactorials(int n) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger factorial = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            sum = sum.add(factorial);
            factorial = factorial.multiply(BigInteger.valueOf(i + 1));
        }
        return sum;
    }
}
