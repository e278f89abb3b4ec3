/**
 * The test JVM's main: discovers every test before any runs, executes them through the JUnit
 * Platform Launcher and streams one JSON line per event to the grader over a private channel.
 */
package grader.launch.fork;
