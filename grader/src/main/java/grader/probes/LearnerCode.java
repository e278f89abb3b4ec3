package grader.probes;

import grader.values.Site;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which classes are the learner's, and how to find the learner's frame behind an event.
 *
 * <p>A JDK event (a thread start, a pool, a process) is the learner's when, walking down from the
 * event, every frame before the first non-JDK-API frame belongs to a "pass-through" API (threads,
 * executors, streams, collections, process builders) and that first frame is learner code. A pool the
 * HttpClient or the process reaper creates for itself stops at {@code jdk.internal.net.http} or
 * {@code java.lang.ProcessHandleImpl} and so is never blamed on the learner.
 */
public final class LearnerCode {
    private LearnerCode() {}

    private static volatile Set<String> classes = Set.of();

    private static final List<String> PASS_THROUGH_PREFIXES = List.of(
            "java.util.concurrent.", "java.util.stream.", "java.util.",
            "java.lang.Thread", "java.lang.VirtualThread", "java.lang.ThreadBuilders",
            "java.lang.ProcessBuilder", "java.lang.ProcessImpl", "java.lang.Runtime", "java.lang.Iterable",
            "java.lang.invoke.", "java.lang.reflect.", "jdk.internal.reflect.", "jdk.internal.vm.",
            // JavaLangAccess: pools start their workers through System$1.start(Thread, ThreadContainer).
            "java.lang.System$",
            "grader.agent.", "grader.probes.");

    private static final StackWalker WALKER = StackWalker.getInstance();

    /**
     * For {@link #graderCalls}: {@code CALLERS.getCallerClass()}, called in a method that records evidence or hands out
     * the grader's observation, names that method's caller. It skips reflection and method handle frames, so a call
     * made through them is seen as made by the class that made it.
     */
    public static final StackWalker CALLERS = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * {@return whether {@code caller} may record evidence or reach the grader's observation}: the grader's own classes
     * (the agent's sink, the hidden tests, the model checks) may; the learner's may not, nor may the JDK's, which call
     * such a method only when learner code made them (a method handle, a {@code ConstantBootstraps.invoke}). The
     * grader's classes are public because the agent and the hidden tests live in other packages, and learner code can
     * get hold of their {@code Class} objects (off the stack, from the objects it is given); this is what stops it from
     * calling them.
     */
    public static boolean graderCalls(Class<?> caller) {
        if (caller == null) {
            return false;
        }
        ClassLoader loader = caller.getClassLoader();
        return loader != null && loader != ClassLoader.getPlatformClassLoader() && !isLearner(caller.getName());
    }

    /** Declares the learner's classes (binary names, nested ones included). */
    public static void declare(Set<String> learnerClasses) {
        classes = Set.copyOf(learnerClasses);
    }

    public static boolean isLearner(String className) {
        return classes.contains(className);
    }

    /** {@return the learner frame that caused the current event, if the learner caused it} */
    static Optional<Site> culprit() {
        return WALKER.walk(frames -> frames
                .dropWhile(f -> passesThrough(f.getClassName()))
                .findFirst()
                .filter(f -> isLearner(f.getClassName()))
                .map(LearnerCode::site));
    }

    /**
     * The learner's start of a thread: where, and whether it went through a pool's {@code addWorker} (a pool worker)
     * or an executor (managed).
     */
    record Start(Site site, boolean poolWorker, boolean managed) {}

    /**
     * {@return the learner frame that started the current thread start, as {@link #culprit()} finds it, and how the
     * start got there}: one walk, down to that frame and no further, so only the frames between the learner's call and
     * the start say how (a pool the learner's task runs in, further down, is not how this start was made).
     */
    static Optional<Start> startCulprit() {
        return WALKER.walk(frames -> {
            boolean worker = false;
            boolean managed = false;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                String c = f.getClassName();
                if (!passesThrough(c)) {
                    return isLearner(c) ? Optional.of(new Start(site(f), worker, managed)) : Optional.empty();
                }
                if (c.equals("java.util.concurrent.ThreadPoolExecutor") && f.getMethodName().equals("addWorker")) {
                    worker = true;
                    managed = true;
                } else if (c.startsWith("java.util.concurrent.ThreadPerTaskExecutor") || c.startsWith("java.util.concurrent.ForkJoinPool")) {
                    managed = true;
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The JDK's packages: every JDK frame between a lookup's caller and the agent's probe is the JDK working for that
     * caller (class loading, reflection, and also APIs that resolve a name the caller gave them, such as
     * {@code MethodType.fromMethodDescriptorString}, whose lookups run in {@code sun.invoke.util}).
     */
    private static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /**
     * {@return the learner frame that looked a class or resource up, if the learner's code did}: below the agent's own
     * frames and the JDK's frames, the first frame is the learner's. A class the JVM loads for the grader's code has a
     * grader frame there, even when learner code is further down.
     */
    static Optional<Site> lookupByLearner() {
        return WALKER.walk(frames -> frames
                .dropWhile(f -> f.getClassName().startsWith("grader.agent.") || f.getClassName().startsWith("grader.probes."))
                .dropWhile(f -> JDK_PREFIXES.stream().anyMatch(p -> f.getClassName().startsWith(p)))
                .findFirst()
                .filter(f -> isLearner(f.getClassName()))
                .map(LearnerCode::site));
    }

    /**
     * The JDK's class loading: a file it opens below one of these frames is the JVM reading its class path or a
     * service file for whoever asked, never the learner's own file access (loading the learner's next class is the
     * JVM's doing too). Reading the hidden tests' class files as resources is refused by name instead (the lookup
     * guard) and by the static sandbox.
     */
    private static final List<String> CLASS_LOADING_PREFIXES = List.of("jdk.internal.loader.", "java.lang.ClassLoader",
            "java.security.SecureClassLoader", "java.net.URLClassLoader", "jdk.internal.module.", "java.util.ServiceLoader");

    /**
     * {@return the learner frame that asked for a file, if the learner's code did}: below the agent's own frames, the
     * nearest frame that is not the JDK's is the learner's, and no JDK frame on the way there is class loading. Empty
     * at once while no learner classes are declared (the JVM's start, the agent's install).
     */
    static Optional<Site> fileAccessByLearner() {
        if (classes.isEmpty()) {
            return Optional.empty();
        }
        return WALKER.walk(frames -> {
            boolean agent = true;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                String c = f.getClassName();
                if (agent && (c.startsWith("grader.agent.") || c.startsWith("grader.probes."))) {
                    continue;
                }
                agent = false;
                if (!startsWithAny(c, JDK_PREFIXES)) {
                    return isLearner(c) ? Optional.of(site(f)) : Optional.<Site>empty();
                }
                if (startsWithAny(c, CLASS_LOADING_PREFIXES)) {
                    return Optional.<Site>empty();
                }
            }
            return Optional.<Site>empty();
        });
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the nearest learner frame on the current stack, wherever it is} */
    static Optional<Site> nearestLearnerFrame() {
        return WALKER.walk(frames -> frames.filter(f -> isLearner(f.getClassName())).findFirst().map(LearnerCode::site));
    }

    /**
     * {@return the outermost learner frame on the current stack, outside the watched method
     * {@code Class#method} (null for none)}: for a call on the caller's thread that is the line in the
     * learner's method that made it (the loop of a sequential solution), for one on a worker the task's
     * lambda, rather than a helper both share
     */
    static Optional<Site> outermostLearnerFrame(String watched) {
        String cls = watched == null ? null : watched.substring(0, watched.indexOf('#'));
        String method = watched == null ? null : watched.substring(watched.indexOf('#') + 1);
        return WALKER.walk(frames -> frames
                .filter(f -> isLearner(f.getClassName()))
                .filter(f -> !(f.getClassName().equals(cls) && f.getMethodName().equals(method)))
                .reduce((first, second) -> second)
                .map(LearnerCode::site));
    }

    private static boolean passesThrough(String className) {
        if (isLearner(className)) {
            return false;
        }
        for (String p : PASS_THROUGH_PREFIXES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@return where {@code frame} is, as a site} */
    static Site site(StackWalker.StackFrame frame) {
        return new Site(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }
}
