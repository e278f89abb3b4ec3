/** Model check of the {@code pipeline} exercise: the fetch and digest stages observed apart. */
package grader.checks.pipeline;
