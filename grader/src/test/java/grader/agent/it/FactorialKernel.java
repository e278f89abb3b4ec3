package grader.agent.it;

import java.math.BigInteger;

/** A learner-style kernel for {@link AgentProbeMain}: named in the agent argument, loaded after premain. */
public final class FactorialKernel {
    private FactorialKernel() {}

    /** {@return 1! + 2! + ... + n!} @throws IllegalArgumentException if n is negative */
    public static BigInteger sumOfFactorials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n);
        }
        BigInteger sum = BigInteger.ZERO;
        BigInteger factorial = BigInteger.ONE;
        for (int i = 1; i <= n; i++) {
            factorial = factorial.multiply(BigInteger.valueOf(i));
            sum = sum.add(factorial);
        }
        return sum;
    }
}
