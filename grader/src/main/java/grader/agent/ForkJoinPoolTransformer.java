package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import grader.agent.boot.Events;
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
 * {@code ForkJoinPool} creation, from the terminal public 10-argument constructor the other public ones delegate
 * to (JDK 19 to 25). The common pool's private {@code ForkJoinPool(byte)} is left alone.
 */
final class ForkJoinPoolTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.util.concurrent.ForkJoinPool");

    /** {@code (int parallelism, factory, handler, boolean asyncMode, int core, int max, int minRunnable,
     *  Predicate saturate, long keepAlive, TimeUnit)}. */
    static ElementMatcher.Junction<MethodDescription> constructors() {
        return isConstructor().and(takesArguments(10)).and(takesArgument(0, int.class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(ForkJoinPoolAdvice.class).on(constructors()));
    }

    /** Inlined into {@code ForkJoinPool}: may name {@link Events} only; no {@code onThrowable} on a constructor. */
    static final class ForkJoinPoolAdvice {
        private ForkJoinPoolAdvice() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object pool, @Advice.Argument(0) int parallelism) {
            Events.poolCreated(pool, "fjp", parallelism, parallelism);
        }
    }
}
