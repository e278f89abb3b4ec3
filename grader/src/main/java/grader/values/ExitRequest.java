package grader.values;

/**
 * An exit the learner's code asked for ({@code System.exit}, {@code Runtime.halt}), seen by the test JVM and carried
 * to the report.
 *
 * @param how    {@code "exit"} or {@code "halt"}
 * @param status the status the learner's code asked for
 * @param site   the learner frame that asked, printed the way {@link Site#toString()} prints one
 * @param testId the JUnit id of the test that was running then, or null
 */
public record ExitRequest(String how, int status, String site, String testId) {}
