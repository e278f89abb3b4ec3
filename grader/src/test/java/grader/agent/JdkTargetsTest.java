package grader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

/**
 * The transformers' matchers against the running JDK's own classes: the JDK's internals drift between releases
 * (BlockHound broke on JDK 19, 21 and 22), so each must still pick exactly the methods it is meant to.
 */
class JdkTargetsTest {

    @Test
    void threadStartMatchesBothStartsOfThreadAndOfVirtualThread() throws Exception {
        assertEquals(List.of("start()", "start(jdk.internal.vm.ThreadContainer)"),
                matched("java.lang.Thread", ThreadStartTransformer.methods()));
        assertEquals(List.of("start()", "start(jdk.internal.vm.ThreadContainer)"),
                matched("java.lang.VirtualThread", ThreadStartTransformer.methods()));
    }

    @Test
    void threadWaitMatchesThePublicSleepsAndJoinsOfThread() throws Exception {
        assertEquals(List.of("join()", "join(java.time.Duration)", "join(long)", "join(long,int)",
                        "sleep(java.time.Duration)", "sleep(long)", "sleep(long,int)"),
                matched("java.lang.Thread", ThreadWaitTransformer.methods()));
    }

    @Test
    void threadPoolExecutorMatchesOnlyTheTerminalConstructor() throws Exception {
        assertEquals(List.of("<init>(int,int,long,java.util.concurrent.TimeUnit,java.util.concurrent.BlockingQueue,"
                        + "java.util.concurrent.ThreadFactory,java.util.concurrent.RejectedExecutionHandler)"),
                matched("java.util.concurrent.ThreadPoolExecutor", ThreadPoolExecutorTransformer.constructors()));
    }

    @Test
    void forkJoinPoolMatchesOnlyTheTerminalPublicConstructor() throws Exception {
        List<String> matched = matched("java.util.concurrent.ForkJoinPool", ForkJoinPoolTransformer.constructors());
        assertEquals(1, matched.size(), matched::toString);
        assertTrue(matched.get(0).startsWith("<init>(int,java.util.concurrent.ForkJoinPool$ForkJoinWorkerThreadFactory,"),
                matched::toString);
    }

    @Test
    void processStartMatchesTheStaticStartOfProcessImpl() throws Exception {
        List<String> matched = matched("java.lang.ProcessImpl", ProcessStartTransformer.methods());
        assertEquals(1, matched.size(), matched::toString);
        assertTrue(matched.get(0).startsWith("start(java.lang.String[],java.util.Map,java.lang.String,"), matched::toString);
    }

    @Test
    void runtimeMatchesExitAndHalt() throws Exception {
        assertEquals(List.of("exit(int)", "halt(int)"), matched("java.lang.Runtime", RuntimeExitTransformer.methods()));
    }

    @Test
    void networkMatchesTheOneConnectTheUnconnectedDatagramSendAndBothNameServiceLookups() throws Exception {
        assertEquals(List.of("connect(java.net.ProtocolFamily,java.io.FileDescriptor,java.net.InetAddress,int)"),
                matched("sun.nio.ch.Net", NetworkTransformer.connect()));
        assertEquals(List.of("send(java.io.FileDescriptor,java.nio.ByteBuffer,java.net.InetSocketAddress)"),
                matched("sun.nio.ch.DatagramChannelImpl", NetworkTransformer.datagramSend()));
        assertEquals(List.of("getAllByName0(java.lang.String,boolean)"),
                matched("java.net.InetAddress", NetworkTransformer.lookup()));
        assertEquals(List.of("getHostFromNameService(java.net.InetAddress)"),
                matched("java.net.InetAddress", NetworkTransformer.reverseLookup()));
    }

    @Test
    void everyTransformedTypeIsListedForPreloading() {
        assertEquals(List.of("java.lang.Thread", "java.lang.VirtualThread", "java.util.concurrent.ThreadPoolExecutor",
                "java.util.concurrent.ForkJoinPool", "java.lang.ProcessImpl", "java.lang.ProcessHandleImpl", "java.lang.Runtime", "sun.nio.ch.Net",
                "sun.nio.ch.DatagramChannelImpl", "java.net.InetAddress", "java.lang.Class", "java.lang.ClassLoader",
                "sun.nio.fs.UnixNativeDispatcher", "java.io.UnixFileSystem", "java.io.FileInputStream",
                "java.io.FileOutputStream", "java.io.RandomAccessFile", "java.io.File"),
                GraderAgent.JDK_TYPES);
    }

    @Test
    void lookupsMatchBothForNamesLoadClassAndTheResourceLookups() throws Exception {
        assertEquals(List.of("forName(java.lang.String)", "forName(java.lang.String,boolean,java.lang.ClassLoader)"),
                matched("java.lang.Class", LookupTransformer.forName()));
        assertEquals(List.of("forName(java.lang.Module,java.lang.String)"), matched("java.lang.Class", LookupTransformer.forNameInModule()));
        assertEquals(List.of("loadClass(java.lang.String)"), matched("java.lang.ClassLoader", LookupTransformer.loadClass()));
        assertEquals(List.of("getResource(java.lang.String)", "getResources(java.lang.String)"),
                matched("java.lang.ClassLoader", LookupTransformer.resources()));
    }

    @Test
    void filesMatchEveryPathTakingCallOfTheNioDispatcherTheFileMethodsOfJavaIoAndTheStreamsOpens() throws Exception {
        String p = "sun.nio.fs.UnixPath";
        assertEquals(List.of("access(" + p + ",int)", "chmod(" + p + ",int)", "chown(" + p + ",int,int)",
                        "fchmodat(int," + p + ",int,int)", "lchown(" + p + ",int,int)", "link(" + p + "," + p + ")",
                        "lstat(" + p + ",sun.nio.fs.UnixFileAttributes)", "mkdir(" + p + ",int)", "mknod(" + p + ",int,long)",
                        "open(" + p + ",int,int)", "opendir(" + p + ")", "readlink(" + p + ")", "realpath(" + p + ")",
                        "rename(" + p + "," + p + ")", "rmdir(" + p + ")", "stat(" + p + ",sun.nio.fs.UnixFileAttributes)",
                        "stat2(" + p + ",sun.nio.fs.UnixFileAttributes)", "statvfs(" + p + ",sun.nio.fs.UnixFileStoreAttributes)",
                        "symlink(byte[]," + p + ")", "unlink(" + p + ")", "utimensat(int," + p + ",long,long,int)"),
                matched("sun.nio.fs.UnixNativeDispatcher", FileTransformer.nioPaths()));
        assertEquals(List.of("checkAccess(java.io.File,int)", "createDirectory(java.io.File)",
                        "createFileExclusively(java.lang.String)", "delete(java.io.File)", "getBooleanAttributes(java.io.File)",
                        "getLastModifiedTime(java.io.File)", "getLength(java.io.File)", "getSpace(java.io.File,int)",
                        "hasBooleanAttributes(java.io.File,int)", "list(java.io.File)", "rename(java.io.File,java.io.File)",
                        "setLastModifiedTime(java.io.File,long)", "setPermission(java.io.File,int,boolean,boolean)",
                        "setReadOnly(java.io.File)"),
                matched("java.io.UnixFileSystem", FileTransformer.ioPaths()));
        assertEquals(List.of("open(java.lang.String)"), matched("java.io.FileInputStream", FileTransformer.open()));
        assertEquals(List.of("open(java.lang.String,boolean)"), matched("java.io.FileOutputStream", FileTransformer.open()));
        assertEquals(List.of("open(java.lang.String,int)"), matched("java.io.RandomAccessFile", FileTransformer.open()));
        assertEquals(List.of("deleteOnExit()"), matched("java.io.File", FileTransformer.deleteOnExit()));
    }

    private static List<String> matched(String type, ElementMatcher<? super MethodDescription> matcher) throws Exception {
        return TypeDescription.ForLoadedType.of(Class.forName(type, false, null)).getDeclaredMethods().filter(matcher)
                .stream()
                .map(m -> (m.isConstructor() ? "<init>" : m.getName()) + "("
                        + String.join(",", m.getParameters().asTypeList().asErasures().stream().map(JdkTargetsTest::name).toList())
                        + ")")
                .sorted()
                .toList();
    }

    private static String name(TypeDescription type) {
        return type.isArray() ? name(type.getComponentType()) + "[]" : type.getName();
    }
}
