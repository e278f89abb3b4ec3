/**
 * Exercise {@code compute}: sums of factorials computed in parallel on the cores; the learner
 * implements {@link course.compute.FactorialSums#computeAll} around the given kernel
 * {@link course.compute.FactorialSums#sumOfFactorials}.
 */
package course.compute;
