package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
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

/** {@code Runtime.exit(int)} (which {@code System.exit} calls) and {@code Runtime.halt(int)}, on entry. */
final class RuntimeExitTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.lang.Runtime");

    static ElementMatcher.Junction<MethodDescription> methods() {
        return isMethod().and(named("exit").or(named("halt"))).and(not(isStatic())).and(takesArguments(int.class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(RuntimeExitAdvice.class).on(methods()));
    }

    /** Inlined into {@code Runtime}: may name {@link Events} only. {@code #m} is the advised method's name,
     *  a constant in the inlined code: "exit" or "halt". */
    static final class RuntimeExitAdvice {
        private RuntimeExitAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Origin("#m") String how, @Advice.Argument(0) int status) {
            Events.exitRequested(how, status);
        }
    }
}
