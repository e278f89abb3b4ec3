/** The agent's bootstrap-visible half: {@link grader.agent.boot.ProbeHub}, which uses java.base types only. */
package grader.agent.boot;
