/**
 * Exercise {@code processes}: jobs run in child JVMs for isolation; the learner implements
 * {@link course.processes.IsolatedRunner#runAll} around the given records {@link course.processes.Job}
 * and {@link course.processes.JobResult}.
 */
package course.processes;
