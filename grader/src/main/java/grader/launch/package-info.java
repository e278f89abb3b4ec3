/**
 * The grader's side of a test JVM: compiles a submission, starts the JVM with the agent and a chosen
 * processor count, reads its events over a private loopback channel, and kills it when it overruns.
 */
package grader.launch;
