package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import grader.agent.boot.Events;
import grader.agent.boot.Guards;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Thread starts: {@code Thread.start()}, the package-private {@code Thread.start(ThreadContainer)} (pool
 * workers, thread-per-task executors) and {@code VirtualThread}'s overrides of both. They don't call
 * each other except {@code VirtualThread.start()}, which the boot classes deduplicates.
 */
final class ThreadStartTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.lang.Thread", "java.lang.VirtualThread");

    /** Every instance {@code start} with no argument or one (the {@code ThreadContainer}, an internal type). */
    static ElementMatcher.Junction<MethodDescription> methods() {
        return isMethod().and(named("start")).and(not(isStatic())).and(not(isAbstract())).and(not(isNative()))
                .and(takesArguments(0).or(takesArguments(1)));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(ThreadStartAdvice.class).on(methods()));
    }

    /**
     * Inlined into {@code Thread} and {@code VirtualThread}: may name the boot classes only. Not under
     * {@code suppress}, so that the cap's refusal reaches the learner's {@code Thread.start} as the JDK's own
     * {@code OutOfMemoryError} would: {@link Guards#admitThread} throws nothing else, and
     * {@link Events#threadStarted} suppresses everything itself (its body is one try/catch of Throwable).
     */
    static final class ThreadStartAdvice {
        private ThreadStartAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.This Thread thread) {
            Guards.admitThread(thread);
            Events.threadStarted(thread);
        }
    }
}
