/**
 * The learner's starter: what learners get (stubs, public tests, docs, the engine's two jars and a build that
 * grades them), never what the course keeps. Entry point: {@link grader.starter.StarterExporter#export}.
 */
package grader.starter;
