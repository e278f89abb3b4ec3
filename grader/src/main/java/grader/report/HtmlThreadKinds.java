package grader.report;

import grader.values.ThreadKind;
import java.util.Arrays;
import java.util.Optional;

/** How the HTML report names and colours each kind of thread (colours live in report.css as {@code .k-<id>}). */
final class HtmlThreadKinds {
    private HtmlThreadKinds() {}

    /** {@return the kind with this report id, if it is one we know} */
    static Optional<ThreadKind> of(String id) {
        return Arrays.stream(ThreadKind.values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** {@return the CSS class that colours a bar of this kind; unknown kinds are drawn as "other"} */
    static String cssClass(String id) {
        return "k-" + of(id).orElse(ThreadKind.OTHER).id();
    }

    /** {@return a short label for a lane: "pool worker"} */
    static String label(String id) {
        return of(id).map(HtmlThreadKinds::label).orElse(id == null ? "unknown" : id);
    }

    static String label(ThreadKind kind) {
        return switch (kind) {
            case CALLER -> "caller";
            case VIRTUAL -> "virtual";
            case COMMON_POOL -> "common pool";
            case FORK_JOIN_POOL -> "fork-join pool";
            case POOL_WORKER -> "pool worker";
            case PLATFORM -> "platform";
            case OTHER -> "other";
        };
    }

    /** {@return what the kind means, for the legend} */
    static String meaning(ThreadKind kind) {
        return switch (kind) {
            case CALLER -> "the thread that called your method";
            case VIRTUAL -> "a virtual thread";
            case COMMON_POOL -> "a worker of ForkJoinPool.commonPool()";
            case FORK_JOIN_POOL -> "a worker of a ForkJoinPool you created";
            case POOL_WORKER -> "a worker of a thread pool you created";
            case PLATFORM -> "a platform thread you started";
            case OTHER -> "another thread (the JDK's or the grader's)";
        };
    }
}
