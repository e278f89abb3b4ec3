/** The agent's bootstrap-visible half, java.base types only: {@link grader.agent.boot.Events} (evidence, recorded only
 *  from the agent's own call sites), {@link grader.agent.boot.Guards} (refusals) and {@link grader.agent.boot.StandIns}
 *  (learner lock and map calls). */
package grader.agent.boot;
