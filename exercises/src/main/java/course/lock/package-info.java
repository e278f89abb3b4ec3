/**
 * Exercise {@code lock}: word frequencies counted by several workers without a lock of your own around the
 * counts; the learner implements {@link course.lock.WordCounter#count}.
 */
package course.lock;
