package grader.verdict.statics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitReference;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import grader.values.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sandbox: rules that refuse, before anything runs, learner code that reaches outside its exercise
 * (the grader's or JUnit's classes, reflection, class loaders, the class path's resources, the file access the
 * run-time checks can't see, JDK internals, stopping threads, the standard streams). Plain file access is not
 * refused here: the agent lets the learner's code use its temporary folder and refuses every other file as it runs. Unlike {@link StaticRules} they do not score: one
 * violation refuses the exercise, and none of its code runs.
 *
 * <p>Contract: every rule holds for every right solution of every known exercise (none of them needs any
 * of this), so a refusal is never a penalty for a legitimate model. Each violation names the learner's
 * line ({@code (File.java:NN)}); calls, constructor calls and method references ({@code Class::forName})
 * count alike. {@code System.exit} and {@code Runtime.halt} are not refused here: the test JVM names them
 * at run time, and they cost only the test that was running.
 */
public final class SandboxRules {
    private SandboxRules() {}

    /** Root packages of the grader and of the tools it runs the tests with; learner code neither uses nor joins them. */
    public static final List<String> TRUSTED_PACKAGES = List.of("grader", "org.junit", "org.opentest4j", "org.apiguardian",
            "com.fasterxml", "picocli", "com.tngtech", "net.bytebuddy");

    /** Who owns a trusted root package, for messages: {@code org.junit -> JUnit}. */
    public static String ownerOf(String packageName) {
        String root = TRUSTED_PACKAGES.stream().filter(r -> within(packageName, r)).findFirst().orElse("");
        return switch (root) {
            case "grader" -> "the grader";
            case "org.junit", "org.opentest4j", "org.apiguardian" -> "JUnit";
            case "com.fasterxml" -> "Jackson, the grader's JSON library";
            case "picocli" -> "picocli, the grader's command line";
            case "com.tngtech" -> "ArchUnit, the grader's static checks";
            case "net.bytebuddy" -> "Byte Buddy, the grader's agent";
            default -> "nobody";
        };
    }

    /** java.beans classes that call methods by name, reflection by another name. */
    private static final Set<String> REFLECTIVE_BEANS =
            Set.of("java.beans.Statement", "java.beans.Expression", "java.beans.EventHandler", "java.beans.XMLDecoder");

    /** Why a class must stay in its exercise's package; said of classes and of sources alike. */
    static final String EXERCISE_PACKAGE_BECAUSE =
            "a class in another package could stand in for one of the grader's or JUnit's, which share the test JVM with your code";

    /** The exercise-package rule's description: {@code every class in the exercise's package (course.fetch)}. */
    static String exercisePackageRule(String exercisePackage) {
        return "every class in the exercise's package (" + exercisePackage + ")";
    }

    /** One rule: its ArchUnit form, with description and reason, plus what to do instead. */
    record Rule(String id, String description, String because, String hint, ArchRule archRule) {}

    /** Something a rule found in one class. */
    private record Hit(String className, int line, String what, String where, Site site) {}

    /** Finds, in one class, what a rule forbids. */
    @FunctionalInterface
    private interface Finder {
        void find(JavaClass c, Consumer<Hit> hits);
    }

    /** The rules, in the order their violations are reported. */
    static List<Rule> rules(String exercisePackage, Collection<String> testClasses) {
        return List.of(
                rule("exercise-package", exercisePackageRule(exercisePackage), EXERCISE_PACKAGE_BECAUSE,
                        "Start every file with `package " + exercisePackage + ";` (or a sub-package) and keep it under src/main/java/"
                                + exercisePackage.replace('.', '/') + "/.",
                        declares(c -> !within(c.getPackageName(), exercisePackage), c -> "declares class " + c.getName())),
                rule("no-test-names", "no class named like one of the tests",
                        "a class with a test's name could stand in for the test, or be compiled against in its place",
                        "Rename your class: one of the exercise's tests has that name.",
                        declares(c -> testClasses.stream().anyMatch(t -> c.getName().equals(t) || c.getName().startsWith(t + "$")),
                                c -> "declares class " + c.getName())),
                rule("no-grader-classes", "no use of the grader's or the test tools' classes",
                        "the grader's and JUnit's classes observe and report your results; code that uses them could change its own grade",
                        "Use only the JDK in your solution: the grader's and JUnit's classes are not part of the exercise.",
                        uses(inPackages(TRUSTED_PACKAGES.toArray(String[]::new)))),
                rule("no-reflection", "no reflection",
                        "reflection reaches into classes your code was not given, the grader's and the hidden tests' among them",
                        "Call your own classes directly; the exercise needs no reflection. For atomic updates use java.util.concurrent.atomic, not a VarHandle.",
                        uses(inPackages("java.lang.reflect").or(c -> REFLECTIVE_BEANS.contains(c.getName()))),
                        calls(member("java.lang.Class", "forName", "getDeclared*", "getMethod", "getMethods", "getField", "getFields",
                                "getConstructor", "getConstructors", "getClasses", "getRecordComponents", "newInstance")),
                        calls(member("java.lang.invoke.MethodHandles").or(member("java.lang.invoke.MethodHandles$Lookup"))
                                .or(member("java.lang.invoke.MethodHandle")).or(member("java.lang.invoke.VarHandle"))
                                .or(member("java.lang.invoke.MethodHandleProxies"))
                                // Constants by bootstrap: a static final field, a VarHandle or a method's result by name.
                                .or(member("java.lang.invoke.ConstantBootstraps"))
                                // Class objects off the stack: the grader's and the tests' classes, without a lookup by name.
                                .or(member("java.lang.StackWalker", "getCallerClass"))
                                .or(member("java.lang.StackWalker$StackFrame", "getDeclaringClass"))
                                .or(field("java.lang.StackWalker$Option", "RETAIN_CLASS_REFERENCE"))),
                        // Dynamic linking calls methods by name, reflection by another name.
                        uses(inPackages("jdk.dynalink"))),
                rule("no-class-loading", "no class loaders, and no code compiled or loaded at run time",
                        "a class loader of your own can load the hidden tests or a changed copy of the grader's classes, out of the grader's sight",
                        "The exercise needs none: use your classes directly, as the stub does.",
                        declares(c -> c.isAssignableTo(ClassLoader.class), c -> "declares class " + c.getName() + ", a ClassLoader"),
                        calls(member("java.lang.ClassLoader").and(t -> !isResourceMethod(t.getName()))
                                .or(member("java.lang.Class", "getClassLoader"))
                                .or(member("java.lang.Thread", "getContextClassLoader", "setContextClassLoader"))
                                .or(member("java.lang.ModuleLayer"))),
                        uses(inPackages("javax.tools", "jdk.jshell", "javax.script", "java.lang.instrument", "java.lang.module"))),
                rule("no-resource-reading", "no reading class files or resources",
                        "the hidden tests' class files are on the class path; reading them, or anything else there, reaches past what the exercise gives you",
                        "Your solution needs nothing from the class path: remove getResource/getResourceAsStream.",
                        calls(member("java.lang.Class", "getResource", "getResourceAsStream")
                                .or(member("java.lang.ClassLoader").and(t -> isResourceMethod(t.getName())))
                                .or(member("java.lang.Module", "getResourceAsStream")))),
                rule("no-file-access", "no file access the grader can't check as it runs",
                        "the grader checks every file your code opens, lists or deletes while it runs (your temporary folder"
                                + " only) by finding your code's line on the stack, but not through these: a jar: or file: URL"
                                + " can be served from a jar the JVM already holds open (the hidden tests' among them), a"
                                + " SecureDirectoryStream works on names relative to a folder it opened before, and a method"
                                + " reference to a file method (File::delete, FileInputStream::new) or an HttpClient body"
                                + " handler or publisher of a file runs on a thread where no line of yours is on the stack",
                        "Read and write files with java.nio.file.Files in your temporary folder (Files.createTempFile), from"
                                + " your own code or a lambda; open no URLs (fetch sends its requests through the HttpClient"
                                + " it is given) and read response bodies as strings or bytes.",
                        calls(member("java.net.URL", "openStream", "openConnection", "getContent")
                                .or(member("java.net.http.HttpResponse$BodyHandlers", "ofFile", "ofFileDownload"))
                                .or(member("java.net.http.HttpResponse$BodySubscribers", "ofFile"))
                                .or(member("java.net.http.HttpRequest$BodyPublishers", "ofFile"))),
                        references(t -> touchesFiles(t)),
                        uses(c -> c.isAssignableTo("java.net.JarURLConnection")
                                || c.isAssignableTo("java.nio.file.SecureDirectoryStream"))),
                rule("no-jdk-internals", "no JDK internals or native code",
                        "they reach into the JVM itself, beneath the checks that keep grading fair",
                        "Use java.util.concurrent (atomics, locks, executors) instead.",
                        uses(inPackages("sun", "jdk.internal", "com.sun.tools.attach", "javax.management", "com.sun.management",
                                "jdk.management", "java.lang.foreign")),
                        calls(member("java.lang.System", "load", "loadLibrary").or(member("java.lang.Runtime", "load", "loadLibrary")))),
                rule("no-thread-control", "no Thread.stop, suspend or resume",
                        "they stop or freeze threads wherever they are, the grader's among them (and since Java 20 they only throw)",
                        "Ask a thread to finish with interrupt() and wait for it with join() or Future.get(); close your executor.",
                        calls(member("java.lang.Thread", "stop", "suspend", "resume").or(member("java.lang.ThreadGroup", "stop", "suspend", "resume")))),
                rule("no-stream-swap", "no replacing System.out, System.err or System.in",
                        "the grader shows you what your code printed, and replacing the streams hides or fakes what the tests print",
                        "Print with System.out.println if you need to, but never replace the stream (System.setOut, setErr, setIn).",
                        calls(member("java.lang.System", "setOut", "setErr", "setIn"))));
    }

    /**
     * Checks the compiled classes of one exercise.
     *
     * @param classesDir      the exercise's compiled classes, nothing else
     * @param exercisePackage the package every class must be in ({@code course.fetch})
     * @param testClasses     the exercise's test classes, whose names a learner class must not take
     * @return every violation, by rule, then class and line; empty when the code stays inside the exercise
     */
    public static List<SandboxViolation> check(Path classesDir, String exercisePackage, Collection<String> testClasses) {
        return check(CompiledClasses.read(classesDir), exercisePackage, testClasses);
    }

    /** {@link #check(Path, String, Collection)} on classes already read. */
    public static List<SandboxViolation> check(CompiledClasses compiled, String exercisePackage, Collection<String> testClasses) {
        JavaClasses classes = compiled.classes();
        List<SandboxViolation> violations = new ArrayList<>();
        for (Rule rule : rules(exercisePackage, testClasses)) {
            List<Hit> hits = new ArrayList<>();
            rule.archRule().evaluate(classes).handleViolations((Collection<Hit> found, String message) -> hits.addAll(found));
            hits.stream().distinct()
                    .sorted(Comparator.comparing(Hit::className).thenComparingInt(Hit::line)
                            .thenComparing(h -> h.site() != null).thenComparing(Hit::what))
                    .map(h -> new SandboxViolation(rule.id(), rule.description(), rule.because(), rule.hint(), h.what(), h.where(), h.site()))
                    .forEach(violations::add);
        }
        return violations;
    }

    private static Rule rule(String id, String description, String because, String hint, Finder... finders) {
        ArchCondition<JavaClass> condition = new ArchCondition<>("stay inside the exercise") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Finder finder : finders) {
                    finder.find(c, hit -> events.add(SimpleConditionEvent.violated(hit, hit.what() + " at " + hit.where())));
                }
            }
        };
        return new Rule(id, description, because, hint,
                classes().should(condition).as(description).because(because).allowEmptyShould(true));
    }

    /** Calls, constructor calls, method references and field accesses whose target matches. */
    /** Types whose every method works on the file system by name. */
    private static final List<String> FILE_SYSTEM_TYPES = List.of("java.nio.file.Files", "java.nio.file.spi.FileSystemProvider",
            "java.nio.channels.FileChannel", "java.nio.channels.AsynchronousFileChannel");
    /** Types whose constructors open a file by name (their other methods work on what is already open). */
    private static final List<String> FILE_OPENING_TYPES = List.of("java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.RandomAccessFile", "java.io.FileReader", "java.io.FileWriter", "java.io.PrintWriter", "java.io.PrintStream",
            "java.util.Scanner", "java.util.Formatter", "java.util.zip.ZipFile");
    /** The methods of java.io.File that reach the file system (its names and paths do not). */
    private static final Set<String> FILE_METHODS = Set.of("exists", "isFile", "isDirectory", "isHidden", "canRead", "canWrite",
            "canExecute", "length", "lastModified", "delete", "deleteOnExit", "list", "listFiles", "mkdir", "mkdirs", "createNewFile",
            "renameTo", "setLastModified", "setReadOnly", "setReadable", "setWritable", "setExecutable", "getCanonicalPath",
            "getCanonicalFile", "getTotalSpace", "getFreeSpace", "getUsableSpace");

    /** {@return whether a reference to {@code t} would open, list, change or delete a file by name} */
    private static boolean touchesFiles(AccessTarget t) {
        JavaClass owner = t.getOwner();
        if (FILE_SYSTEM_TYPES.stream().anyMatch(owner::isAssignableTo)) {
            return true;
        }
        if (t.getName().equals("<init>")) {
            return FILE_OPENING_TYPES.stream().anyMatch(owner::isAssignableTo);
        }
        return owner.isAssignableTo("java.io.File") && FILE_METHODS.contains(t.getName());
    }

    /**
     * Method and constructor references ({@code File::delete}, {@code FileInputStream::new}) to a matching member: run
     * on a thread of a pool or of the JDK, their call has no frame of the learner's code for the run-time check to find
     * (a lambda has one: its body is a method of the learner's class).
     */
    private static Finder references(Predicate<AccessTarget> forbidden) {
        return (c, hits) -> {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                if (access instanceof JavaCodeUnitReference<?> && forbidden.test(access.getTarget())) {
                    hits.accept(hitAt(access, describe(access)));
                }
            }
        };
    }

    private static Finder calls(Predicate<AccessTarget> forbidden) {
        return (c, hits) -> {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                if (forbidden.test(access.getTarget())) {
                    hits.accept(hitAt(access, describe(access)));
                }
            }
        };
    }

    /**
     * Any dependency on a matching class: a call or a method reference (at its line), and also a field,
     * parameter or return type, a superclass, a caught exception, a class literal, an annotation.
     */
    private static Finder uses(Predicate<JavaClass> forbidden) {
        return (c, hits) -> {
            Set<String> seen = new HashSet<>();
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                JavaClass target = access.getTargetOwner().getBaseComponentType();
                if (!target.equals(c) && forbidden.test(target)) {
                    hits.accept(hitAt(access, describe(access)));
                    seen.add(target.getName() + ":" + access.getLineNumber());
                }
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                int line = d.getSourceCodeLocation().getLineNumber();
                if (!target.equals(c) && forbidden.test(target) && seen.add(target.getName() + ":" + line)) {
                    hits.accept(new Hit(c.getName(), line, "uses " + target.getName(), classWhere(c, d.getSourceCodeLocation(), line), null));
                }
            }
        };
    }

    /** The class itself is what is forbidden. */
    private static Finder declares(Predicate<JavaClass> forbidden, Function<JavaClass, String> what) {
        return (c, hits) -> {
            if (forbidden.test(c)) {
                int line = c.getCodeUnits().stream().mapToInt(u -> u.getSourceCodeLocation().getLineNumber())
                        .filter(n -> n > 0).min().orElse(0);
                hits.accept(new Hit(c.getName(), line, what.apply(c), classWhere(c, SourceCodeLocation.of(c), line), null));
            }
        };
    }

    /**
     * Methods and constructors (called or referenced) of {@code owner} or a subtype, named one of
     * {@code names} ({@code get*} is a prefix); any of them when no name is given. Field reads never match.
     */
    private static Predicate<AccessTarget> member(String owner, String... names) {
        return t -> t instanceof CodeUnitAccessTarget && t.getOwner().isAssignableTo(owner) && named(t.getName(), names);
    }

    /** Reads of the static field {@code owner.name}: an enum constant such as {@code StackWalker.Option.RETAIN_CLASS_REFERENCE}. */
    private static Predicate<AccessTarget> field(String owner, String name) {
        return t -> t instanceof AccessTarget.FieldAccessTarget && t.getOwner().getName().equals(owner) && t.getName().equals(name);
    }

    /** Classes in any of these packages or their sub-packages. */
    private static Predicate<JavaClass> inPackages(String... roots) {
        return c -> Arrays.stream(roots).anyMatch(r -> within(c.getPackageName(), r));
    }

    private static boolean isResourceMethod(String name) {
        return name.startsWith("getResource") || name.startsWith("getSystemResource") || name.equals("resources")
                || name.startsWith("findResource");
    }

    private static boolean named(String name, String... names) {
        if (names.length == 0) {
            return true;
        }
        for (String n : names) {
            if (n.endsWith("*") ? name.startsWith(n.substring(0, n.length() - 1)) : name.equals(n)) {
                return true;
            }
        }
        return false;
    }

    /** {@code packageName} is {@code root} or inside it. */
    static boolean within(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static Hit hitAt(JavaAccess<?> access, String what) {
        Site site = new Site(access.getOriginOwner().getName(), access.getOrigin().getName(),
                access.getSourceCodeLocation().getSourceFileName(), access.getLineNumber());
        return new Hit(site.className(), site.line(), what, site.toString(), site);
    }

    private static String classWhere(JavaClass c, SourceCodeLocation location, int line) {
        String file = location.getSourceFileName();
        return c.getName() + "(" + (file == null ? "Unknown Source" : line > 0 ? file + ":" + line : file) + ")";
    }

    /** {@code calls Class.forName(String)}, {@code calls new URLClassLoader(URL[])}, {@code uses Class::forName}. */
    private static String describe(JavaAccess<?> access) {
        AccessTarget t = access.getTarget();
        String owner = shortName(t.getOwner());
        boolean constructor = "<init>".equals(t.getName());
        if (access instanceof JavaCodeUnitReference<?>) {
            return "uses " + owner + "::" + (constructor ? "new" : t.getName());
        }
        if (t instanceof CodeUnitAccessTarget u) {
            String parameters = u.getRawParameterTypes().stream().map(SandboxRules::shortName).collect(Collectors.joining(", "));
            return "calls " + (constructor ? "new " + owner : owner + "." + t.getName()) + "(" + parameters + ")";
        }
        return "uses " + owner + "." + t.getName();
    }

    /** A type as source names it without imports' help: {@code MethodHandles.Lookup}, {@code URL[]}. */
    private static String shortName(JavaClass c) {
        if (c.isArray()) {
            return shortName(c.getComponentType()) + "[]";
        }
        String pkg = c.getPackageName();
        boolean qualified = !pkg.isEmpty() && c.getName().startsWith(pkg + "."); // not a primitive
        return (qualified ? c.getName().substring(pkg.length() + 1) : c.getName()).replace('$', '.');
    }
}
