package grader.agent;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
 * Files, checked where every path of the JDK's file APIs reaches the operating system (JDK 21 to 25, Linux and macOS),
 * by {@link Guards} before the native call:
 * <ul>
 *   <li>{@code sun.nio.fs.UnixNativeDispatcher}: every static method that takes a {@code UnixPath} ({@code open},
 *       {@code stat}, {@code opendir}, {@code unlink}, {@code rename}, {@code mkdir}...), which every
 *       {@code java.nio.file.Files}, {@code FileChannel} and {@code FileSystemProvider} call on the default file system
 *       ends in;</li>
 *   <li>{@code java.io.UnixFileSystem}: the methods of {@code java.io.File} that reach the file system ({@code exists},
 *       {@code length}, {@code list}, {@code delete}, {@code createNewFile}, {@code mkdir}, {@code renameTo}...);</li>
 *   <li>the private {@code open} of {@code FileInputStream}, {@code FileOutputStream} and {@code RandomAccessFile},
 *       which their constructors, {@code FileReader}, {@code FileWriter}, {@code ZipFile} and a process's redirect to a
 *       file call;</li>
 *   <li>{@code File.deleteOnExit()}: the JDK deletes the file as the JVM ends, when no caller is left to check.</li>
 * </ul>
 * The advice does not suppress what it throws: a refusal is the {@code SecurityException} the JDK's security manager
 * threw from these very methods. Whether the learner's code made the call and the path is outside its temporary folder
 * is the policy's to say ({@code Recorder.fileRefusal}); creating a symbolic link is refused to the learner's
 * code wherever it points. Calls on a file descriptor ({@code openat} and the like, for a
 * {@code SecureDirectoryStream}) have no path here: the static sandbox refuses that API.
 */
final class FileTransformer implements AgentBuilder.Transformer {
    static final String NIO = "sun.nio.fs.UnixNativeDispatcher";
    static final String IO = "java.io.UnixFileSystem";
    static final List<String> STREAMS = List.of("java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.RandomAccessFile", "java.io.File");

    /** The types on this platform: Windows has neither Unix class, so the agent checks only the streams there. */
    static final List<String> TYPES = java.util.stream.Stream.concat(java.util.stream.Stream.of(NIO, IO)
            .filter(FileTransformer::exists), STREAMS.stream()).toList();

    private static boolean exists(String type) {
        try {
            Class.forName(type, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static ElementMatcher.Junction<MethodDescription> nioPaths() {
        ElementMatcher.Junction<MethodDescription> anyPath = takesArgument(0, named("sun.nio.fs.UnixPath"))
                .or(takesArgument(1, named("sun.nio.fs.UnixPath")));
        return isMethod().and(isStatic()).and(not(isNative())).and(not(named("copyToNativeBuffer"))).and(anyPath);
    }

    static ElementMatcher.Junction<MethodDescription> ioPaths() {
        return isMethod().and(not(isStatic())).and(not(isNative())).and(namedOneOf("getBooleanAttributes", "hasBooleanAttributes", "checkAccess",
                "getLastModifiedTime", "getLength", "setPermission", "createFileExclusively", "delete", "list",
                "createDirectory", "rename", "setLastModifiedTime", "setReadOnly", "getSpace"));
    }

    static ElementMatcher.Junction<MethodDescription> deleteOnExit() {
        return isMethod().and(not(isStatic())).and(named("deleteOnExit")).and(takesArguments(0));
    }

    static ElementMatcher.Junction<MethodDescription> open() {
        return isMethod().and(not(isStatic())).and(named("open")).and(takesArgument(0, String.class))
                .and(takesArguments(1).or(takesArguments(2)));
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        return switch (type.getName()) {
            case NIO -> builder.visit(Advice.to(NioAdvice.class).on(nioPaths()));
            case IO -> builder.visit(Advice.to(IoAdvice.class).on(ioPaths()));
            case "java.io.FileInputStream" -> builder.visit(Advice.to(ReadAdvice.class).on(open()));
            case "java.io.FileOutputStream" -> builder.visit(Advice.to(WriteAdvice.class).on(open()));
            case "java.io.File" -> builder.visit(Advice.to(DeleteOnExitAdvice.class).on(deleteOnExit()));
            default -> builder.visit(Advice.to(RandomAccessAdvice.class).on(open()));
        };
    }

    /** Inlined into {@code sun.nio.fs.UnixNativeDispatcher}: may name {@link Guards} only. */
    static final class NioAdvice {
        private NioAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Origin("#m") String method, @Advice.AllArguments Object[] args) {
            Guards.admitNioPaths(method, args);
        }
    }

    /** Inlined into {@code java.io.UnixFileSystem}: may name {@link Guards} only. */
    static final class IoAdvice {
        private IoAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Origin("#m") String method, @Advice.AllArguments Object[] args) {
            Guards.admitIoPaths(method, args);
        }
    }

    /** Inlined into {@code FileInputStream.open(String)}. */
    static final class ReadAdvice {
        private ReadAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String path) {
            Guards.admitFile(path, false);
        }
    }

    /** Inlined into {@code FileOutputStream.open(String, boolean)}. */
    static final class WriteAdvice {
        private WriteAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String path) {
            Guards.admitFile(path, true);
        }
    }

    /** Inlined into {@code File.deleteOnExit()}: the deletion is checked when it is asked for, as a write. */
    static final class DeleteOnExitAdvice {
        private DeleteOnExitAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.This java.io.File file) {
            Guards.admitFile(file.getPath(), true);
        }
    }

    /** Inlined into {@code RandomAccessFile.open(String, int)}: mode 1 is {@code O_RDONLY}, anything else writes. */
    static final class RandomAccessAdvice {
        private RandomAccessAdvice() {}

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) String path, @Advice.Argument(1) int mode) {
            Guards.admitFile(path, mode != 1);
        }
    }
}
