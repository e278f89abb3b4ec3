package grader.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A load-time transformer that looks at class names only, and builds its Byte Buddy transformer the first time a
 * wanted class loads. The learner's kernels and shared-state classes load during the tests, if at all, so a test JVM
 * whose JDK classes come from the {@link JdkClassCache} starts without loading Byte Buddy.
 */
final class LazyTransformer implements ClassFileTransformer {
    private final Predicate<String> wanted;
    private final Supplier<ClassFileTransformer> factory;
    private volatile ClassFileTransformer delegate;

    /**
     * @param wanted whether a class (binary name) is to be transformed
     * @param factory builds the transformer of those classes, once
     */
    LazyTransformer(Predicate<String> wanted, Supplier<ClassFileTransformer> factory) {
        this.wanted = wanted;
        this.factory = factory;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (className == null || !wanted.test(className.replace('/', '.'))) {
            return null;
        }
        return delegate().transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    private ClassFileTransformer delegate() {
        ClassFileTransformer d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    try {
                        d = factory.get();
                    } catch (RuntimeException | LinkageError e) {
                        // As Byte Buddy reports a class it could not transform (the errors-only listener): on stderr,
                        // once; the class loads as it is, and the model check sees no kernel calls.
                        System.err.println("grader agent: the transformer for the learner's watched classes could not"
                                + " be built: " + e);
                        d = new ClassFileTransformer() {};
                    }
                    delegate = d;
                }
            }
        }
        return d;
    }
}
