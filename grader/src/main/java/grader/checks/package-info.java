/**
 * Model checks: JUnit tests, shipped with the engine (learners run them too), that call a learner's
 * method under the probes and publish the {@link grader.values.Evidence} the verdict is decided from.
 */
package grader.checks;
