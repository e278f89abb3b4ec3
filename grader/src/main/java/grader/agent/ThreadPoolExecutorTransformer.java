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
 * {@code ThreadPoolExecutor} creation, from the terminal 7-argument constructor every other one delegates to,
 * so a pool is reported once, subclasses such as {@code ScheduledThreadPoolExecutor} included.
 */
final class ThreadPoolExecutorTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.util.concurrent.ThreadPoolExecutor");

    /** {@code (int core, int max, long keepAlive, TimeUnit, BlockingQueue, ThreadFactory, RejectedExecutionHandler)}. */
    static ElementMatcher.Junction<MethodDescription> constructors() {
        return isConstructor().and(takesArguments(7))
                .and(takesArgument(0, int.class)).and(takesArgument(1, int.class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(ThreadPoolExecutorAdvice.class).on(constructors()));
    }

    /** Inlined into {@code ThreadPoolExecutor}: may name {@link Events} only. No {@code onThrowable}: Byte Buddy
     *  can't wrap a constructor in a handler (raphw/byte-buddy#857), and a constructor that threw made no pool. */
    static final class ThreadPoolExecutorAdvice {
        private ThreadPoolExecutorAdvice() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object pool, @Advice.Argument(0) int core, @Advice.Argument(1) int max) {
            Events.poolCreated(pool, "tpe", core, max);
        }
    }
}
