package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

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
 * Waits on the Thread API: the public {@code Thread.sleep} overloads and {@code Thread.join} overloads. The
 * {@code threads} exercise tells joining from polling with them. The public methods are Java code on every JDK
 * (the natives behind them, {@code sleep0}/{@code sleepNanos0}, changed names between releases and are left alone);
 * on JDK 22+ the sleeps don't call each other, while {@code join()} calls {@code join(0)}: the Recorder's side
 * only needs "did it join at all".
 */
final class ThreadWaitTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.lang.Thread");

    /** The public {@code sleep} and {@code join} methods of {@code Thread}. */
    static ElementMatcher.Junction<MethodDescription> methods() {
        return isMethod().and(namedOneOf("sleep", "join")).and(isPublic()).and(not(isAbstract())).and(not(isNative()));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(ThreadWaitAdvice.class).on(methods()));
    }

    /** Inlined into {@code Thread}: may name {@link Events} only. */
    static final class ThreadWaitAdvice {
        private ThreadWaitAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Origin("#m") String method) {
            Events.threadWaiting(method);
        }
    }
}
