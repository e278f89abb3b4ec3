/**
 * Issue 4's measuring tools: {@link bench.Benchmarks} (grading against the plain console launcher, the agent's
 * start-up, its cost per event through JMH, class throughput and peak memory) and {@link bench.FlipCheck} (verdicts
 * under load against an unloaded run). Run from the repository root by {@code mvn -B -Pbench verify} and
 * {@code mvn -B -Pflip verify}; see bench/README.md.
 */
package bench;
