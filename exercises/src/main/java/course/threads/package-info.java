/**
 * Exercise {@code threads}: the Thread API's start and join; the learner implements
 * {@link course.threads.Downloader#downloadAll} around a {@code download} function the caller gives.
 */
package course.threads;
