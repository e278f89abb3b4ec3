/** The grader's {@code -javaagent}: {@link grader.agent.GraderAgent#premain} wires one {@code *Transformer} per
 *  JDK target and the learner kernels, sends events through {@link grader.agent.boot.Events} to
 *  {@link grader.probes.Recorder}, and checks itself before the tests run. */
package grader.agent;
