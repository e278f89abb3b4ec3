package grader.checks.threads;

/**
 * Tells whether the learner's {@code downloadAll} reached the current point through {@code Thread.run()} called
 * directly (the task then runs on the calling thread, and no thread starts). Only the frames above
 * {@code downloadAll} count: the test thread itself may have {@code Thread.run} at its bottom.
 */
final class ThroughThreadRun {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    static final String LEARNER_CLASS = "course.threads.Downloader";
    static final String LEARNER_METHOD = "downloadAll";

    private ThroughThreadRun() {}

    static boolean onThisStack() {
        return WALKER.walk(frames -> frames
                .takeWhile(f -> !(f.getClassName().equals(LEARNER_CLASS) && f.getMethodName().equals(LEARNER_METHOD)))
                .anyMatch(f -> f.getMethodName().equals("run") && Thread.class.isAssignableFrom(f.getDeclaringClass())));
    }
}
