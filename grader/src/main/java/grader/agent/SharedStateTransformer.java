package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.not;

import grader.agent.boot.Events;
import grader.agent.boot.StandIns;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Shared state in learner code, for exercises whose spec asks for it (agent option {@code locks=course.lock}): the
 * learner's classes in those packages report every lock they take and every map they update, as they load (no
 * retransformation). In each method:
 * <ul>
 *   <li>{@code MONITORENTER} is followed, and {@code MONITOREXIT} preceded, by an {@link Events} call with the lock
 *       and the agent's token (a constant of the woven code); a {@code synchronized} method reports its lock
 *       ({@code this} or the class) on entry and on exit;
 *   <li>calls of {@code lock()}, {@code lockInterruptibly()}, {@code tryLock()} and {@code unlock()} on a
 *       {@code java.util.concurrent.locks} lock, and of {@code put}, {@code putIfAbsent}, {@code merge},
 *       {@code compute*} and {@code putAll} on a {@code java.util} map, are rewritten to {@link StandIns}' static
 *       forwarders: the same stack (the receiver becomes the first argument), the same call, reported around it.
 * </ul>
 * Nothing else changes: no new members, no new branches, so no stack map frame changes either.
 */
final class SharedStateTransformer implements AgentBuilder.Transformer {
    static final String EVENTS = "grader/agent/boot/Events";
    static final String STAND_INS = "grader/agent/boot/StandIns";

    /** Map types whose update calls are forwarded (internal names). */
    static final Set<String> MAP_OWNERS = Set.of("java/util/Map", "java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/TreeMap", "java/util/AbstractMap", "java/util/SortedMap", "java/util/NavigableMap",
            "java/util/Hashtable", "java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/ConcurrentNavigableMap", "java/util/concurrent/ConcurrentSkipListMap");

    /** Lock types whose lock and unlock calls are forwarded (internal names). */
    static final Set<String> LOCK_OWNERS = Set.of("java/util/concurrent/locks/Lock",
            "java/util/concurrent/locks/ReentrantLock", "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock",
            "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock");

    /** Map method name and descriptor to the forwarder's name. */
    static final Map<String, String> MAP_FORWARDERS = Map.of(
            "put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", "mapPut",
            "putIfAbsent(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", "mapPutIfAbsent",
            "merge(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;", "mapMerge",
            "compute(Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;", "mapCompute",
            "computeIfPresent(Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;", "mapComputeIfPresent",
            "computeIfAbsent(Ljava/lang/Object;Ljava/util/function/Function;)Ljava/lang/Object;", "mapComputeIfAbsent",
            "putAll(Ljava/util/Map;)V", "mapPutAll");

    /** Lock method name and descriptor to the forwarder's name. */
    static final Map<String, String> LOCK_FORWARDERS = Map.of(
            "lock()V", "lock",
            "lockInterruptibly()V", "lockInterruptibly",
            "tryLock()Z", "tryLock",
            "unlock()V", "unlock");

    private final long token;

    /** @param token the token {@link Events} was installed with */
    SharedStateTransformer(long token) {
        this.token = token;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return builder
                .visit(new Rewriter(token))
                .visit(Advice.withCustomMapping().bind(KernelTransformer.Token.class, token).to(SynchronizedMethodAdvice.class)
                        .on(isMethod().and(isSynchronized()).and(not(isAbstract())).and(not(isNative()))));
    }

    /**
     * Wraps the visitor of every method the class declares, synthetic ones included: a lambda's body is a synthetic
     * method, and Byte Buddy's method-level wrappers skip those.
     */
    static final class Rewriter extends AsmVisitorWrapper.AbstractBase {
        private final long token;

        Rewriter(long token) {
            this.token = token;
        }

        @Override
        public ClassVisitor wrap(TypeDescription type, ClassVisitor visitor, Implementation.Context context,
                TypePool pool, FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                int writerFlags, int readerFlags) {
            return new RewritingClassVisitor(visitor, token);
        }
    }

    /** Hands every method's visitor to a {@link SharedStateVisitor}. */
    static final class RewritingClassVisitor extends ClassVisitor {
        private final long token;

        RewritingClassVisitor(ClassVisitor visitor, long token) {
            super(OpenedClassReader.ASM_API, visitor);
            this.token = token;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            return mv == null ? null : new SharedStateVisitor(mv, token);
        }
    }

    /** Reports monitors and forwards lock and map calls; see the class comment. */
    static final class SharedStateVisitor extends MethodVisitor {
        private final long token;

        SharedStateVisitor(MethodVisitor visitor, long token) {
            super(OpenedClassReader.ASM_API, visitor);
            this.token = token;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.MONITORENTER);
                super.visitLdcInsn(token);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "lockAcquired", "(Ljava/lang/Object;J)V", false);
            } else if (opcode == Opcodes.MONITOREXIT) {
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(token);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, EVENTS, "lockReleasing", "(Ljava/lang/Object;J)V", false);
                super.visitInsn(Opcodes.MONITOREXIT);
            } else {
                super.visitInsn(opcode);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKEINTERFACE || opcode == Opcodes.INVOKEVIRTUAL) {
                String key = name + descriptor;
                if (MAP_OWNERS.contains(owner) && MAP_FORWARDERS.containsKey(key)) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STAND_INS, MAP_FORWARDERS.get(key),
                            "(Ljava/util/Map;" + descriptor.substring(1), false);
                    return;
                }
                if (LOCK_OWNERS.contains(owner) && LOCK_FORWARDERS.containsKey(key)) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STAND_INS, LOCK_FORWARDERS.get(key),
                            "(Ljava/util/concurrent/locks/Lock;" + descriptor.substring(1), false);
                    return;
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 3, maxLocals); // the DUP of a monitor's object and the token (a long)
        }
    }

    /** Inlined into learner classes: may name {@link Events} only. The JVM holds the method's lock meanwhile. */
    static final class SynchronizedMethodAdvice {
        private SynchronizedMethodAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This(optional = true) Object self, @Advice.Origin Class<?> type,
                @KernelTransformer.Token long token) {
            Events.lockAcquired(self != null ? self : type, token);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This(optional = true) Object self, @Advice.Origin Class<?> type,
                @KernelTransformer.Token long token) {
            Events.lockReleasing(self != null ? self : type, token);
        }
    }
}
