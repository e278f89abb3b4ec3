package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

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
 * Looking up the grader's, JUnit's or the tooling's classes by name, or their class files as resources, from the
 * learner's code: refused at run time too, behind the static sandbox stage. The points: {@code Class.forName(String)},
 * {@code Class.forName(String, boolean, ClassLoader)} and {@code ClassLoader.loadClass(String)} (a
 * {@code ClassNotFoundException}, as for a class that does not exist), {@code Class.forName(Module, String)} (null), {@code ClassLoader.getResource(String)} and
 * {@code getResources(String)} (nothing found; {@code getResourceAsStream} and {@code Class.getResource*} go through
 * them). {@link Guards} checks the name first, so the class loading of everything else pays a prefix test only; for
 * a protected name the agent asks whether the learner's code made the call.
 */
final class LookupTransformer implements AgentBuilder.Transformer {
    static final List<String> TYPES = List.of("java.lang.Class", "java.lang.ClassLoader");

    static ElementMatcher.Junction<MethodDescription> forName() {
        return isMethod().and(isPublic()).and(isStatic()).and(named("forName")).and(takesArgument(0, String.class))
                .and(takesArguments(String.class).or(takesArguments(String.class, boolean.class, ClassLoader.class)));
    }

    static ElementMatcher.Junction<MethodDescription> forNameInModule() {
        return isMethod().and(isPublic()).and(isStatic()).and(named("forName")).and(takesArguments(Module.class, String.class));
    }

    static ElementMatcher.Junction<MethodDescription> loadClass() {
        return isMethod().and(isPublic()).and(not(isStatic())).and(named("loadClass")).and(takesArguments(String.class));
    }

    static ElementMatcher.Junction<MethodDescription> resources() {
        return isMethod().and(isPublic()).and(not(isStatic())).and(named("getResource").or(named("getResources")))
                .and(takesArguments(String.class));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        if (type.getName().equals("java.lang.Class")) {
            return builder.visit(Advice.to(ClassLookupAdvice.class).on(forName()))
                    .visit(Advice.to(ModuleLookupAdvice.class).on(forNameInModule()));
        }
        return builder.visit(Advice.to(LoadClassAdvice.class).on(loadClass()))
                .visit(Advice.to(ResourceLookupAdvice.class).on(resources()));
    }

    /** Inlined into {@code Class} and {@code ClassLoader}: may name {@link Guards} only. Not under suppress: the
     *  refusal is the {@code ClassNotFoundException} these methods declare. */
    static final class ClassLookupAdvice {
        private ClassLookupAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String name) throws ClassNotFoundException {
            Guards.admitClassLookup(name);
        }
    }

    /** Inlined into {@code Class.forName(Module, String)}: a refused lookup answers null, as for a missing class. */
    static final class ModuleLookupAdvice {
        private ModuleLookupAdvice() {}

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(1) String name) {
            return Guards.refuseModuleLookup(name);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter boolean refused, @Advice.Return(readOnly = false) Class<?> found) {
            if (refused) {
                found = null;
            }
        }
    }

    /** Inlined into {@code ClassLoader}: may name {@link Guards} only. */
    static final class LoadClassAdvice {
        private LoadClassAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String name) throws ClassNotFoundException {
            Guards.admitLoadClass(name);
        }
    }

    /** Inlined into {@code ClassLoader}: a refused name is swapped for one that names nothing, so nothing is found. */
    static final class ResourceLookupAdvice {
        private ResourceLookupAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(value = 0, readOnly = false) String name) {
            name = Guards.admitResource(name);
        }
    }
}
