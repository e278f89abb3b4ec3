package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import grader.agent.boot.Events;
import grader.agent.boot.Guards;
import java.io.IOException;
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
 * Child processes: the static, non-native {@code java.lang.ProcessImpl.start(String[], Map, String, Redirect[],
 * boolean)} that {@code ProcessBuilder.start}, {@code startPipeline} and {@code Runtime.exec} all reach.
 * BlockHound wraps the native {@code forkAndExec} instead, which needs a JVM flag on JDK 13+.
 */
final class ProcessStartTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.lang.ProcessImpl");

    static ElementMatcher.Junction<MethodDescription> methods() {
        return isMethod().and(named("start")).and(isStatic()).and(takesArgument(0, String[].class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder.visit(Advice.to(ProcessStartAdvice.class).on(methods()));
    }

    /**
     * Inlined into {@code ProcessImpl}: may name the boot classes only. Not under {@code suppress}, so that the
     * cap's {@code IOException} (which {@code ProcessImpl.start} declares) reaches the learner:
     * {@link Guards#admitProcess} throws nothing else, and {@link Events#processStarting} suppresses
     * everything itself.
     */
    static final class ProcessStartAdvice {
        private ProcessStartAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String[] command) throws IOException {
            Guards.admitProcess();
            Events.processStarting(command);
        }
    }
}
