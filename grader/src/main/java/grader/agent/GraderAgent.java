package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The grader's {@code -javaagent} (manifest {@code Premain-Class}). It puts the boot classes ({@link grader.agent.boot.Events},
 * {@link grader.agent.boot.Guards}, {@link grader.agent.boot.StandIns}) on the bootstrap class path, retransforms the JDK's thread, pool, process, exit, network, lookup and file methods, watches the learner
 * kernels named in its argument ({@code kernels=Class#method,...}), checks that every probe fires, turns on the caps
 * on thread and process starts and the loopback-only network its argument gives ({@code ;threads=N;processes=N;network=loopback},
 * see {@link AgentArguments}) and the file policy (the learner's code keeps to this JVM's {@code java.io.tmpdir}, see
 * {@link FileTransformer}), calls
 * {@link grader.probes.Recorder#agentInstalled} once: with null, or with what failed and what to do. Given the
 * grader's start-up cache ({@code jdkcache=}), it redefines the JDK classes from it instead of weaving them (see
 * {@link JdkClassCache}); the learner's kernels and shared-state classes are woven when they load.
 *
 * <p>It never throws out of premain and writes nothing to stdout; stderr gets Byte Buddy's transformation errors
 * only. The test JVM needs {@link grader.probes.AgentFlags#JVM_FLAGS} and the grader's classes on its class path.
 */
public final class GraderAgent {
    private GraderAgent() {}

    static final String RECORDER = "grader.probes.Recorder";

    /** The JDK types the agent transforms; each is loaded before install (see {@link #installJdkProbes}). */
    static final List<String> JDK_TYPES = Stream.of(ThreadStartTransformer.TYPES, ThreadPoolExecutorTransformer.TYPES,
            ForkJoinPoolTransformer.TYPES, ProcessStartTransformer.TYPES, RuntimeExitTransformer.TYPES,
            NetworkTransformer.TYPES, LookupTransformer.TYPES, FileTransformer.TYPES)
            .flatMap(List::stream).toList();

    public static void premain(String args, Instrumentation inst) {
        try {
            Class.forName(RECORDER, false, GraderAgent.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            System.err.println("grader agent: " + RECORDER + " is not on the class path, so nothing would receive the"
                    + " agent's events; start the test JVM with the grader's classes (grader.jar) on its class path.");
            return;
        }
        String problem;
        try {
            problem = install(args, inst);
        } catch (Throwable e) {
            problem = "the grader's agent could not install on Java " + Runtime.version() + ": " + e
                    + ". Run the grader on JDK 21 or 25, or report this message with `java -version` to the course staff.";
        }
        grader.probes.Recorder.agentInstalled(problem);
    }

    /** {@return null when every probe fired, else the sentence for {@code Recorder.agentInstalled}} */
    static String install(String args, Instrumentation inst) throws Exception {
        AgentArguments arguments = AgentArguments.parse(args);
        // AgentBuilder.Default's constructor reaches ClassInjector, whose static initializers probe sun.misc.Unsafe:
        // JDK 24+ then prints "WARNING: A terminally deprecated method in sun.misc.Unsafe has been called". Byte Buddy's
        // "safe" mode skips Unsafe, and this agent injects no classes, so it loses nothing. maven-shade relocates this
        // literal with Byte Buddy (grader.agent.shaded.bytebuddy.safe): only the agent's copy reads it, not a learner's.
        if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
            System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        }
        BootstrapInjection.appendBootClasses(inst);
        SelfTest selfTest = new SelfTest();
        Sinks.selfTest = selfTest;
        List<String> missed;
        try {
            if (!Sinks.install(Set.copyOf(JDK_TYPES))) {
                throw new IllegalStateException("grader.agent.boot.Events already had a sink: the agent was started twice");
            }
            InstallLog log = new InstallLog(arguments.export() != null);
            String whyNotCached = arguments.jdkCache() == null ? "no cache given"
                    : JdkClassCache.redefine(inst, Path.of(arguments.jdkCache()), arguments.jdkCacheSha256(),
                            JDK_TYPES, log);
            System.setProperty(JdkClassCache.PROPERTY, whyNotCached == null ? "cache" : "byte-buddy: " + whyNotCached);
            if (whyNotCached != null) {
                installJdkProbes(inst, log);
            }
            if (arguments.export() != null) {
                JdkClassCache.write(Path.of(arguments.export()), JDK_TYPES, log.bytes());
            }
            if (!arguments.kernels().isEmpty()) {
                installKernelProbes(inst, arguments, log);
            }
            if (!arguments.lockPackages().isEmpty()) {
                installSharedStateProbes(inst, arguments, log);
            }
            missed = selfTest.run(log, JDK_TYPES);
            // After the self-test, whose canaries must not count: from here on every start in the JVM counts.
            Sinks.guard(arguments.threads(), arguments.processes(), arguments.loopbackOnly());
        } finally {
            Sinks.selfTest = null;
        }
        List<String> sentences = new ArrayList<>();
        if (!arguments.problems().isEmpty()) {
            sentences.add("The grader's agent argument is wrong: " + String.join("; ", arguments.problems())
                    + ". Fix the kernels of the exercise spec; the entries above are not watched.");
        }
        if (!missed.isEmpty()) {
            sentences.add("The grader's agent self-test failed on Java " + Runtime.version() + " ("
                    + System.getProperty("java.vendor") + "): " + String.join("; ", missed) + ". Without these probes"
                    + " the grader can't tell how the learner's code creates threads, pools or processes, so it gives no"
                    + " verdict. Run the grader on JDK 21 or 25 (the versions it is checked on), or report this message"
                    + " with `java -version` to the course staff.");
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    /**
     * Retransforms the already loaded JDK classes. They are loaded by name first and listed explicitly: a class
     * that first loads while Byte Buddy is busy retransforming can be skipped (its circularity lock) and is then
     * never transformed, silently; ForkJoinPool was, on JDK 25, with the default discovery. The transformer stays registered, so a later retransformation by
     * someone else keeps the advice.
     */
    private static void installJdkProbes(Instrumentation inst, InstallLog log) throws ClassNotFoundException {
        List<Class<?>> targets = new ArrayList<>();
        for (String type : JDK_TYPES) {
            targets.add(Class.forName(type, false, null));
        }
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(targets.toArray(new Class<?>[0])))
                .with((AgentBuilder.RedefinitionStrategy.Listener) log)
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .with((AgentBuilder.Listener) log)
                .ignore(none()) // the default ignores the bootstrap loader's classes, i.e. all of these
                .type(namedOneOf(ThreadStartTransformer.TYPES.toArray(new String[0])))
                .transform(new ThreadStartTransformer())
                .type(namedOneOf(ThreadPoolExecutorTransformer.TYPES.toArray(new String[0])))
                .transform(new ThreadPoolExecutorTransformer())
                .type(namedOneOf(ForkJoinPoolTransformer.TYPES.toArray(new String[0])))
                .transform(new ForkJoinPoolTransformer())
                .type(namedOneOf(ProcessStartTransformer.TYPES.toArray(new String[0])))
                .transform(new ProcessStartTransformer())
                .type(namedOneOf(RuntimeExitTransformer.TYPES.toArray(new String[0])))
                .transform(new RuntimeExitTransformer())
                .type(namedOneOf(NetworkTransformer.TYPES.toArray(new String[0])))
                .transform(new NetworkTransformer())
                .type(namedOneOf(LookupTransformer.TYPES.toArray(new String[0])))
                .transform(new LookupTransformer())
                .type(namedOneOf(FileTransformer.TYPES.toArray(new String[0])))
                .transform(new FileTransformer())
                .type(namedOneOf(ThreadWaitTransformer.TYPES.toArray(new String[0])))
                .transform(new ThreadWaitTransformer())
                .installOn(inst);
    }

    /**
     * Learner classes load later, in the app (or a grader) class loader: a plain load-time transformation, whose
     * Byte Buddy part is built when the first kernel class loads (see {@link LazyTransformer}).
     */
    private static void installKernelProbes(Instrumentation inst, AgentArguments arguments, InstallLog log) {
        Set<String> classes = Set.copyOf(arguments.kernels().keySet());
        inst.addTransformer(new LazyTransformer(classes::contains, () -> new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .with((AgentBuilder.Listener) log)
                .type(namedOneOf(classes.toArray(new String[0])))
                .transform(new KernelTransformer(arguments.kernels(), Sinks.TOKEN))
                .makeRaw()), false);
    }

    /**
     * Learner classes of the packages named in {@code locks=} report their locks and map updates (see
     * {@link SharedStateTransformer}); other exercises' classes are left alone. Tests ({@code *Test}) are not
     * the learner's code.
     */
    private static void installSharedStateProbes(Instrumentation inst, AgentArguments arguments, InstallLog log) {
        List<String> prefixes = arguments.lockPackages().stream().map(p -> p + ".").toList();
        Predicate<String> wanted = name -> prefixes.stream().anyMatch(name::startsWith)
                && grader.probes.LearnerCode.isLearner(name);
        inst.addTransformer(new LazyTransformer(wanted, () -> sharedStateTransformer(arguments, log)), false);
    }

    private static ClassFileTransformer sharedStateTransformer(AgentArguments arguments, InstallLog log) {
        net.bytebuddy.matcher.ElementMatcher.Junction<net.bytebuddy.description.type.TypeDescription> inPackages =
                net.bytebuddy.matcher.ElementMatchers.none();
        for (String p : arguments.lockPackages()) {
            inPackages = inPackages.or(net.bytebuddy.matcher.ElementMatchers.nameStartsWith(p + "."));
        }
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .with((AgentBuilder.Listener) log)
                // Exactly the learner's classes (declared by the test JVM before any test class loads): a learner class
                // named like a test is rewritten too, and the tests in the same package are not.
                .type(inPackages.and(new net.bytebuddy.matcher.ElementMatcher.Junction.AbstractBase<TypeDescription>() {
                    @Override
                    public boolean matches(TypeDescription type) {
                        return grader.probes.LearnerCode.isLearner(type.getName());
                    }
                }))
                .transform(new SharedStateTransformer(Sinks.TOKEN))
                .makeRaw();
    }
}
