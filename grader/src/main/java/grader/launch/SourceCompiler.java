package grader.launch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a submission's sources for one exercise with the running JDK's compiler, at Java 21. */
public final class SourceCompiler {
    private SourceCompiler() {}

    /**
     * How compiling went.
     *
     * @param sources  the files compiled, relative to the submission
     * @param errors   compiler errors as {@code path:line: message}, empty when it compiled
     * @param classes  binary names of the classes produced
     */
    public record Outcome(List<String> sources, List<String> errors, List<String> classes) {
        public Outcome {
            sources = List.copyOf(sources);
            errors = List.copyOf(errors);
            classes = List.copyOf(classes);
        }

        public boolean compiled() {
            return errors.isEmpty() && !sources.isEmpty();
        }
    }

    /** Compiles every {@code .java} file under {@code sourceDir} into {@code outDir}. */
    public static Outcome compile(Path submission, Path sourceDir, Path outDir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(sourceDir)) {
            try (Stream<Path> walk = Files.walk(sourceDir)) {
                // A link could point at a hidden test's source: only real files are compiled.
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .sorted().forEach(files::add);
            }
        }
        List<String> relative = files.stream().map(p -> submission.relativize(p).toString()).toList();
        if (files.isEmpty()) {
            return new Outcome(relative, List.of(), List.of());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools): run the grader on a JDK 21+, not a JRE");
        }
        Files.createDirectories(outDir);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-g", "-proc:none", "-encoding", "UTF-8",
                    "-implicit:none", "-nowarn", "-d", outDir.toString(), "-cp", outDir.toString());
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, fm, diagnostics, options, null, units).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String where = d.getSource() == null ? "" : submission.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": ";
                errors.add(where + d.getMessage(Locale.ROOT));
            }
            if (!ok && errors.isEmpty()) {
                errors.add("the compiler failed without a message: " + out);
            }
            return new Outcome(relative, errors, ok ? classNames(outDir) : List.of());
        }
    }

    /** {@return binary names of every class file under {@code dir}} */
    public static List<String> classNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> dir.relativize(p).toString())
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .filter(s -> !s.endsWith("module-info") && !s.endsWith("package-info"))
                    .sorted().toList();
        }
    }
}
