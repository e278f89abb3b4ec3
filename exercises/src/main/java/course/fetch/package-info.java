/**
 * Exercise {@code fetch}: HTTP statuses of many URLs with a bounded number of requests in
 * flight; the learner implements {@link course.fetch.StatusFetcher#fetchAll}.
 */
package course.fetch;
