package course.compute;

import java.math.BigInteger;
import java.util.List;

/**
 * Exercise {@code compute}: sums of factorials for many inputs, computed in parallel on the
 * cores the JVM reports, the Java counterpart of Python's
 * {@code multiprocessing.Pool().map(compute, [1000, 2000, 3000, 4000])}.
 *
 * <p>The work is CPU-bound. Java has no global interpreter lock: platform threads run Java
 * code on all cores at once, so no child process is needed. Use a parallel stream, a
 * {@code ForkJoinPool}, or a fixed pool of {@code Runtime.getRuntime().availableProcessors()}
 * threads. See {@code exercises/docs/compute.md} for the task, the models that fit and what
 * the grader observes.
 */
public final class FactorialSums {

    /** No instances: the exercise is one static method. */
    private FactorialSums() {
    }

    /**
     * Given: the grader watches calls to this method. Do not change it, and do not copy its
     * body elsewhere; call it.
     *
     * <p>Returns the sum of {@code i!} for {@code 0 <= i < n}, computed sequentially on the
     * calling thread: {@code 0! = 1}, so {@code n = 0} gives 0, {@code n = 1} gives 1,
     * {@code n = 2} gives 2 and {@code n = 5} gives 34 (1 + 1 + 2 + 6 + 24). It is Python's
     * {@code sum(math.factorial(i) for i in range(n))}.
     *
     * @param n how many factorials to add, from {@code 0!} to {@code (n - 1)!}; not negative
     * @return the sum of {@code i!} for {@code 0 <= i < n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static BigInteger sumOfFactorials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        BigInteger sum = BigInteger.ZERO;
        BigInteger factorial = BigInteger.ONE; // i! for the current i, starting at 0! = 1
        for (int i = 0; i < n; i++) {
            sum = sum.add(factorial);
            factorial = factorial.multiply(BigInteger.valueOf(i + 1));
        }
        return sum;
    }

    /**
     * Computes {@link #sumOfFactorials(int) sumOfFactorials(n)} for every {@code n} in
     * {@code ns}, in parallel across the cores the JVM reports, and returns the sums in the
     * order of {@code ns}.
     *
     * <p><strong>Result.</strong> A new list with one element per element of {@code ns}:
     * element {@code i} is {@code sumOfFactorials(ns.get(i))}. The returned list may be
     * unmodifiable. {@code ns} is not modified.
     *
     * <p><strong>Calls.</strong> Each element is computed by exactly one call of
     * {@code sumOfFactorials} with that element, repeated values included: no caching, no
     * splitting one value's work, no copy of the kernel. So a valid {@code ns} of size
     * {@code k} makes exactly {@code k} calls, and all of them complete before this method
     * returns.
     *
     * <p><strong>Parallelism.</strong> The calls run in parallel on platform threads, at most
     * {@code Runtime.getRuntime().availableProcessors()} of them at once. The bound is also
     * reached: when {@code ns} has at least that many elements, this method does not wait for
     * a call to end before that many are running, so calls that each wait until that many
     * have started all complete. Read the count at run time: never write it into the code.
     * A parallel stream,
     * a {@code ForkJoinPool} of that parallelism, a work-stealing pool or a fixed pool of that
     * many threads all fit. Not a fit: computing on the calling thread alone, virtual
     * threads, a new thread per element, a pool of any other size, a lock that lets only one
     * call run at a time, and child processes.
     *
     * <p><strong>Threads.</strong> Any executor or {@code ForkJoinPool} this method creates
     * is shut down, and has terminated, before it returns or throws. No thread this method
     * starts is still running when it returns or throws. The JVM's common pool is not this
     * method's to shut down.
     *
     * <p><strong>Arguments.</strong> They are checked first, before any call of
     * {@code sumOfFactorials}: when a check fails, no call is made. An empty {@code ns}
     * gives an empty list and makes no call.
     *
     * <p><strong>Interruption.</strong> If the calling thread is interrupted while this
     * method runs, the method either completes as specified above (a parallel stream does)
     * or stops early by throwing {@link java.util.concurrent.CancellationException}. Either
     * way, the thread's interrupt status is set when the method returns or throws, and the
     * rule on threads above still holds.
     *
     * <p><strong>Grading.</strong> Besides the results, the grader counts the calls of
     * {@code sumOfFactorials}, observes which threads made them and of what kind, how many
     * ran at once, the pools created and their sizes, the threads still alive after this
     * method returned, and any child process. It runs your code with a processor count of
     * its choosing, and never judges by the clock.
     *
     * @param ns the inputs of {@code sumOfFactorials}, in the order of the result
     * @return {@code sumOfFactorials(n)} for each {@code n} in {@code ns}, in the same order
     * @throws NullPointerException     if {@code ns} or an element of {@code ns} is
     *                                  {@code null}
     * @throws IllegalArgumentException if no element is {@code null} and an element is
     *                                  negative
     * @throws java.util.concurrent.CancellationException if the calling thread was
     *                                  interrupted and the method stopped early
     */
    public static List<BigInteger> computeAll(List<Integer> ns) {
        throw new UnsupportedOperationException("TODO");
    }
}
