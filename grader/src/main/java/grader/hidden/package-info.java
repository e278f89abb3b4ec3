/**
 * Hidden tests: functional edge cases run in the course pipeline and in this repository, packed into
 * their own jar and never shipped to learners.
 */
package grader.hidden;
