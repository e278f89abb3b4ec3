package grader.verdict.statics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.launch.SourceCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox rules on small classes compiled the way the grader compiles a submission. */
class SandboxRulesTest {
    static final List<String> TESTS = List.of("course.fetch.StatusFetcherTest", "grader.hidden.fetch.FetchHiddenTest");

    @TempDir
    Path dir;

    /** Compiles {@code body} as the members of {@code course.fetch.Sample} and checks it. */
    List<SandboxViolation> check(String imports, String body) throws IOException {
        return checkSource("course/fetch/Sample.java", "package course.fetch;\n" + imports + "\npublic class Sample {\n" + body + "\n}\n");
    }

    List<SandboxViolation> checkSource(String path, String source) throws IOException {
        Path file = dir.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = dir.resolve("classes");
        SourceCompiler.Outcome compiled = SourceCompiler.compile(dir, dir.resolve("src/main/java/course/fetch"), classes);
        assertTrue(compiled.compiled(), compiled.errors().toString());
        return SandboxRules.check(classes, "course.fetch", TESTS);
    }

    @Test
    void everydayConcurrencyCodeIsNotRefused() throws IOException {
        List<SandboxViolation> found = check("""
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.*;
                import java.nio.file.Path;
                """, """
                record Pair(int a, String b) {}
                enum Kind { A, B }
                sealed interface Shape permits Circle {}
                record Circle(double r) implements Shape {}
                static final AtomicInteger COUNT = new AtomicInteger();
                static String run(List<Integer> xs, Object o) throws Exception {
                    try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
                        List<Future<Integer>> fs = new ArrayList<>();
                        for (int x : xs) fs.add(pool.submit(() -> x * 2));
                        int sum = 0;
                        for (Future<Integer> f : fs) sum += f.get();
                        Thread t = Thread.ofVirtual().start(COUNT::incrementAndGet);
                        t.join();
                        String kind = switch (o) { case Circle c -> "circle " + c.r(); case Integer i -> "int"; default -> o.getClass().getSimpleName(); };
                        Kind k = Kind.valueOf("A");
                        Semaphore s = new Semaphore(3);
                        System.out.println(kind + new Pair(1, "x") + k + s + Path.of("x") + java.io.File.pathSeparator);
                        Runnable r = System.out::println;
                        int parsed = new Scanner("1 2").nextInt();
                        return kind + sum + Sample.class.getName() + ProcessHandle.current().pid();
                    }
                }
                """);
        assertEquals(List.of(), found.stream().map(SandboxViolation::message).toList());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-reflection        | Object o = Class.forName("grader.probes.Recorder");                                    | calls Class.forName(String)
            no-reflection        | Object o = Sample.class.getDeclaredFields();                                           | calls Class.getDeclaredFields()
            no-reflection        | Object o = Sample.class.getMethod("m");                                                | calls Class.getMethod(String, Class[])
            no-reflection        | java.lang.reflect.Field f = null; f.setAccessible(true);                               | calls Field.setAccessible(boolean)
            no-reflection        | Object o = java.lang.invoke.MethodHandles.lookup();                                    | calls MethodHandles.lookup()
            no-reflection        | Object o = java.lang.invoke.MethodHandles.lookup().findVarHandle(Sample.class, "x", int.class); | calls MethodHandles.Lookup.findVarHandle(Class, String, Class)
            no-class-loading     | Object o = new java.net.URLClassLoader(new java.net.URL[0]);                           | calls new URLClassLoader(URL[])
            no-class-loading     | Object o = Sample.class.getClassLoader();                                              | calls Class.getClassLoader()
            no-class-loading     | Object o = ClassLoader.getSystemClassLoader().loadClass("x");                          | calls ClassLoader.getSystemClassLoader()
            no-class-loading     | Object o = javax.tools.ToolProvider.getSystemJavaCompiler();                           | calls ToolProvider.getSystemJavaCompiler()
            no-resource-reading  | Object o = Sample.class.getResourceAsStream("/grader/hidden/fetch/FetchHiddenTest.class"); | calls Class.getResourceAsStream(String)
            no-resource-reading  | Object o = ClassLoader.getSystemResource("x");                                         | calls ClassLoader.getSystemResource(String)
            no-reflection        | Object o = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);          | uses StackWalker.Option.RETAIN_CLASS_REFERENCE
            no-reflection        | Object o = StackWalker.getInstance().getCallerClass();                                  | calls StackWalker.getCallerClass()
            no-reflection        | Object o = jdk.dynalink.DynamicLinkerFactory.class;                                     | uses jdk.dynalink.DynamicLinkerFactory
            no-reflection        | Object o = java.lang.invoke.ConstantBootstraps.enumConstant(null, "NEW", Thread.State.class); | calls ConstantBootstraps.enumConstant(MethodHandles.Lookup, String, Class)
            no-file-access       | Object o = java.net.URI.create("file:///x").toURL().openStream();                      | calls URL.openStream()
            no-file-access       | Object o = java.net.URI.create("jar:file:/h.jar!/x").toURL().openConnection();          | calls URL.openConnection()
            no-file-access       | java.nio.file.SecureDirectoryStream<?> d = null; d.deleteFile(null);                    | calls SecureDirectoryStream.deleteFile(Object)
            no-file-access       | java.util.function.Predicate<java.io.File> p = java.io.File::delete;                  | uses File::delete
            no-file-access       | interface Opener { Object open(String s) throws Exception; } Opener f = java.io.FileInputStream::new; | uses FileInputStream::new
            no-file-access       | interface Deleter { void delete(java.nio.file.Path p) throws Exception; } Deleter d = java.nio.file.Files::delete; | uses Files::delete
            no-file-access       | Object o = java.net.http.HttpResponse.BodyHandlers.ofFile(java.nio.file.Path.of("x"));  | calls HttpResponse.BodyHandlers.ofFile(Path)
            no-jdk-internals     | Object o = sun.misc.Unsafe.class;                                                      | uses sun.misc.Unsafe
            no-jdk-internals     | System.loadLibrary("x");                                                               | calls System.loadLibrary(String)
            no-jdk-internals     | int n = java.lang.management.ManagementFactory.getPlatformMBeanServer().getMBeanCount(); | calls MBeanServer.getMBeanCount()
            no-thread-control    | Thread.currentThread().stop();                                                         | calls Thread.stop()
            no-thread-control    | Runnable r = Thread.currentThread()::suspend;                                          | uses Thread::suspend
            no-stream-swap       | System.setOut(null);                                                                   | calls System.setOut(PrintStream)
            """)
    void aForbiddenCallIsRefusedWithItsRuleAndLine(String rule, String statement, String what) throws Exception {
        List<SandboxViolation> found = check("", "    static int x;\n    static void m() throws Exception {\n        " + statement + "\n    }");
        assertFalse(found.isEmpty(), "nothing found for " + statement);
        SandboxViolation first = found.get(0);
        assertAll(
                () -> assertEquals(rule, first.rule(), first.message()),
                () -> assertEquals(what, first.what(), first.message()),
                () -> assertTrue(first.where().endsWith("(Sample.java:6)"), first.where()),
                () -> assertEquals(6, first.site() == null ? 6 : first.site().line(), first.message()),
                () -> assertTrue(first.message().startsWith(first.description() + ": " + what + " at "), first.message()));
    }

    @Test
    void fileAccessTheAgentChecksAtRunTimeIsNotRefused() throws IOException {
        List<SandboxViolation> found = check("""
                import java.io.*;
                import java.nio.file.*;
                """, """
                static String run(java.util.List<String> command) throws Exception {
                    Path out = Files.createTempFile("job-", ".out");
                    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
                    p.waitFor();
                    File f = File.createTempFile("x", ".txt");
                    try (PrintWriter w = new PrintWriter(f); FileInputStream in = new FileInputStream(f)) {
                        w.print(in.available());
                    }
                    f.deleteOnExit();
                    String text = Files.readString(out);
                    Files.delete(out);
                    return text;
                }
                """);
        assertEquals(List.of(), found.stream().map(SandboxViolation::message).toList());
    }

    @Test
    void aClassLoaderOfOneOwnIsRefusedWhereItIsDeclared() throws Exception {
        List<SandboxViolation> found = check("", """
                static final class Loader extends ClassLoader {
                    Class<?> define(byte[] b) {
                        return defineClass(null, b, 0, b.length);
                    }
                }
                """);
        assertEquals(List.of(
                        "no-class-loading: declares class course.fetch.Sample$Loader, a ClassLoader at course.fetch.Sample$Loader(Sample.java:4)",
                        "no-class-loading: calls new ClassLoader() at course.fetch.Sample$Loader.<init>(Sample.java:4)",
                        "no-class-loading: calls Sample.Loader.defineClass(String, byte[], int, int) at course.fetch.Sample$Loader.define(Sample.java:6)"),
                found.stream().map(v -> v.rule() + ": " + v.what() + " at " + v.where()).toList());
    }

    @Test
    void aClassOutsideTheExercisePackageOrNamedLikeATestIsRefused() throws Exception {
        checkSource("course/fetch/StatusFetcherTest.java", "package course.fetch;\npublic class StatusFetcherTest {\n}\n");
        List<SandboxViolation> found = checkSource("course/fetch/Assertions.java",
                "package org.junit.jupiter.api;\n\npublic class Assertions {\n    public static void fail() {}\n}\n");
        assertEquals(List.of(
                        "exercise-package: declares class org.junit.jupiter.api.Assertions at org.junit.jupiter.api.Assertions(Assertions.java:3)",
                        "no-test-names: declares class course.fetch.StatusFetcherTest at course.fetch.StatusFetcherTest(StatusFetcherTest.java:2)"),
                found.stream().map(v -> v.rule() + ": " + v.what() + " at " + v.where()).toList());
    }

    @Test
    void usingTheGradersClassesIsRefusedAtTheLineThatDoesIt() throws Exception {
        checkSource("course/fetch/Recorder.java", "package grader.probes;\npublic class Recorder {\n    public static void record(Object o) {}\n}\n");
        List<SandboxViolation> found = check("", "    static void m() {\n        grader.probes.Recorder.record(null);\n    }");
        assertEquals(List.of(
                        "exercise-package: declares class grader.probes.Recorder at grader.probes.Recorder(Recorder.java:2)",
                        "no-grader-classes: calls Recorder.record(Object) at course.fetch.Sample.m(Sample.java:5)"),
                found.stream().map(v -> v.rule() + ": " + v.what() + " at " + v.where()).toList());
    }

    @Test
    void everyRuleSaysWhatItForbidsAndWhyAndWhatToDoInstead() {
        for (SandboxRules.Rule rule : SandboxRules.rules("course.fetch", TESTS)) {
            assertAll(rule.id(),
                    () -> assertTrue(rule.description().startsWith("no ") || rule.description().startsWith("every "), rule.description()),
                    () -> assertTrue(rule.because().length() > 30, rule.because()),
                    () -> assertTrue(rule.hint().endsWith("."), rule.hint()),
                    () -> assertEquals(rule.description() + ", because " + rule.because(), rule.archRule().getDescription()));
        }
    }
}
