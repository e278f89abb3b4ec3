package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

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
 *
 * <p>And stopping processes: {@code java.lang.ProcessHandleImpl.destroyProcess(boolean)}, which
 * {@code ProcessHandle.destroy}/{@code destroyForcibly} and {@code Process.destroy} all reach, refuses a process that is
 * not a descendant of the test JVM (its parent, the grader, above all).
 */
final class ProcessStartTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.lang.ProcessImpl", "java.lang.ProcessHandleImpl");

    static ElementMatcher.Junction<MethodDescription> methods() {
        return isMethod().and(named("start")).and(isStatic()).and(takesArgument(0, String[].class));
    }

    static ElementMatcher.Junction<MethodDescription> destroy() {
        return isMethod().and(named("destroyProcess")).and(takesArguments(boolean.class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return "java.lang.ProcessHandleImpl".equals(type.getName())
                ? builder.visit(Advice.to(DestroyAdvice.class).on(destroy()))
                : builder.visit(Advice.to(ProcessStartAdvice.class).on(methods()));
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

    /**
     * Inlined into {@code ProcessHandleImpl}: may name the boot classes only. Not under {@code suppress}: the refusal
     * ({@code IllegalStateException}, as the JDK's own refusal to destroy the current process) must reach the learner.
     */
    static final class DestroyAdvice {
        private DestroyAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("pid") long pid) {
            Guards.admitDestroy(pid);
        }
    }
}
