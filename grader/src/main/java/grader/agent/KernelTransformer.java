package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import grader.agent.boot.Events;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Learner kernels named in the agent argument ({@code Class#method}): every method of that name in that class,
 * static or not, whatever its parameters, is wrapped in enter/exit calls carrying the kernel id and the agent's token
 * (a constant of the woven code: {@link Events} records learner-class events only with it).
 */
final class KernelTransformer implements AgentBuilder.Transformer {
    private final Map<String, List<String>> methodsByClass;
    private final long token;

    /**
     * @param methodsByClass binary class name to the method names to watch in it
     * @param token          the token {@link Events} was installed with
     */
    KernelTransformer(Map<String, List<String>> methodsByClass, long token) {
        this.methodsByClass = Map.copyOf(methodsByClass);
        this.token = token;
    }

    static ElementMatcher.Junction<MethodDescription> methods(String name) {
        return isMethod().and(named(name)).and(not(isAbstract())).and(not(isNative()))
                .and(not(isBridge())).and(not(isSynthetic()));
    }

    static String id(String className, String method) {
        return className + "#" + method;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        for (String method : methodsByClass.getOrDefault(type.getName(), List.of())) {
            builder = builder.visit(Advice.withCustomMapping()
                    .bind(KernelId.class, id(type.getName(), method))
                    .bind(Token.class, token)
                    .to(KernelAdvice.class)
                    .on(methods(method)));
        }
        return builder;
    }

    /** Binds the kernel id as a constant of the inlined advice. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface KernelId {}

    /** Binds the agent's token as a constant of the inlined advice (of learner classes, never of JDK classes). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Token {}

    /** Inlined into learner classes: may name {@link Events} only. The exit advice runs on a throw too. */
    static final class KernelAdvice {
        private KernelAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@KernelId String kernel, @Token long token) {
            Events.kernelEnter(kernel, token);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@KernelId String kernel, @Token long token) {
            Events.kernelExit(kernel, token);
        }
    }
}
