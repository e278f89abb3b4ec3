/**
 * Exercise {@code pipeline}: fetch pages side by side and digest them on the cores; the learner
 * implements {@link course.pipeline.PageDigester#digestAll} around the given CPU kernel
 * {@link course.pipeline.PageDigester#digest}.
 */
package course.pipeline;
