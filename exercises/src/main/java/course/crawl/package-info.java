/**
 * Exercise {@code crawl}: the statuses of thousands of slow URLs with a cap on requests in flight;
 * the learner implements {@link course.crawl.Crawler#fetchAll}.
 */
package course.crawl;
