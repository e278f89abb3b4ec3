/**
 * The test JVM's main: discovers every test before any runs, executes them through the JUnit
 * Platform Launcher and streams one JSON line per event to the grader over a private channel.
 * {@link grader.launch.fork.ForkEvent}, the line's format, lives here with its writer: {@code grader.launch} reads it and
 * names {@link grader.launch.fork.ForkMain} as the test JVM's main, and this package never depends on
 * {@code grader.launch} back.
 */
package grader.launch.fork;
