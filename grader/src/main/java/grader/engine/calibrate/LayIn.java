package grader.engine.calibrate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Lays a fixture's fragments into the shipped stubs: the submission a learner would have handed in, written to a
 * folder the grader can grade, without a copy of the given code in the fixture.
 *
 * <p>A <em>fragment</em> is a {@code <Class>.java} file in the fixture folder for the stub class of that name in
 * package {@code course.<exercise>}. It is parsed (not compiled) by the JDK's own parser, and holds:
 * <ul>
 *   <li>imports the learner adds: those the stub lacks go after the stub's own;</li>
 *   <li>one class {@code <Class>} whose members are either a stub method, written with the stub's return type,
 *       name, parameter types and parameter names (its body replaces the stub's; the stub's Javadoc, annotations and
 *       modifiers stay), or a member the learner adds (copied with the comments above it, before the stub class's
 *       closing brace, in the fragment's order);</li>
 *   <li>other top-level types, appended to the file.</li>
 * </ul>
 * A method named like a stub method with another header is an error: a learner's changed signature is written as a
 * complete file instead. A {@code .java} file that declares a package is complete: it is copied, as it is, to the
 * folder of its package (a class the stub does not have, or a stub replaced on purpose). Comments above the
 * fragment's imports describe the fixture and are not laid in. The given code the fragments leave alone (the
 * kernel, the private constructor, the other classes of the package, {@code package-info.java}) comes from the stub.
 * Last, every file under the fixture's {@code src/} folder is copied to the same path of the submission, as it is: for
 * the rare file whose place is the point (one declaring another package inside the exercise's folder).
 *
 * <p>Every copied piece of a fragment keeps its lines, so each fragment line has one line in the laid-in file:
 * {@link LaidIn#line(String, int)} maps it, for expectations that name a learner's line.
 */
public final class LayIn {
    private static final String FRAGMENT_SUFFIX = ".java";
    /** The fixture's folder whose files are copied to the same path of the submission. */
    private static final String TREE = "src";

    private LayIn() {}

    /**
     * A laid-in submission.
     *
     * @param folder the submission folder ({@code src/main/java/...} under it)
     * @param files  per fragment file name, where its lines went
     */
    public record LaidIn(Path folder, List<FileMap> files) {
        public LaidIn {
            files = List.copyOf(files);
        }

        /**
         * {@return the line of the laid-in file that holds line {@code fragmentLine} of fragment {@code fragment}, or
         * empty when that line was not laid in (a comment above the imports, a stub method's header)}
         */
        public Optional<Integer> line(String fragment, int fragmentLine) {
            return files.stream().filter(f -> f.fragment().equals(fragment)).findFirst().flatMap(f -> f.line(fragmentLine));
        }

        /** {@return the fragment line that became {@code laidInLine} of the laid-in file {@code fileName}, if any} */
        public Optional<Integer> fragmentLine(String fileName, int laidInLine) {
            return files.stream().filter(f -> f.fragment().equals(fileName)).findFirst().flatMap(f -> f.fragmentLine(laidInLine));
        }
    }

    /** Where one fragment's lines went: each piece is a run of lines copied as they are. */
    public record FileMap(String fragment, List<Piece> pieces) {
        public FileMap {
            pieces = List.copyOf(pieces);
        }

        Optional<Integer> line(int fragmentLine) {
            return pieces.stream().filter(p -> fragmentLine >= p.fragmentFirst() && fragmentLine < p.fragmentFirst() + p.lines())
                    .findFirst().map(p -> p.laidInFirst() + fragmentLine - p.fragmentFirst());
        }

        Optional<Integer> fragmentLine(int laidInLine) {
            return pieces.stream().filter(p -> laidInLine >= p.laidInFirst() && laidInLine < p.laidInFirst() + p.lines())
                    .findFirst().map(p -> p.fragmentFirst() + laidInLine - p.laidInFirst());
        }
    }

    /** Lines {@code fragmentFirst ..} of a fragment, copied to lines {@code laidInFirst ..} (1-based). */
    public record Piece(int fragmentFirst, int laidInFirst, int lines) {}

    /**
     * Writes the submission of {@code fixture} for {@code exercise} into {@code out}: the stub's package folder from
     * {@code stubs} (an {@code exercises} folder), with every fragment laid in and every complete file copied.
     *
     * @throws FixtureException naming the file and what is wrong when a fragment cannot be laid in
     */
    public static LaidIn layIn(Path fixture, String exercise, Path stubs, Path out) {
        String pkg = "course." + exercise;
        Path stubPackage = stubs.resolve("src/main/java").resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(stubPackage)) {
            throw new FixtureException(fixture.resolve(Expected.FILE), "exercise", "no stub folder " + stubPackage + " for exercise '" + exercise + "'");
        }
        Path outPackage = out.resolve("src/main/java").resolve(pkg.replace('.', '/'));
        List<FileMap> maps = new ArrayList<>();
        try {
            Files.createDirectories(outPackage);
            try (Stream<Path> given = Files.list(stubPackage)) {
                for (Path p : given.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, outPackage.resolve(p.getFileName().toString()));
                }
            }
            List<Path> sources;
            try (Stream<Path> files = Files.list(fixture)) {
                sources = files.filter(p -> p.getFileName().toString().endsWith(FRAGMENT_SUFFIX)).sorted().toList();
            }
            for (Path source : sources) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                Parsed parsed = parse(source, text);
                String name = source.getFileName().toString();
                // A complete file need not parse: a fixture may hold a syntax error on purpose.
                java.util.regex.Matcher declared = PACKAGE.matcher(text);
                if (parsed.unit().getPackageName() != null || declared.find()) {
                    String filePackage = parsed.unit().getPackageName() != null ? parsed.unit().getPackageName().toString() : declared.group(1);
                    Path target = out.resolve("src/main/java").resolve(filePackage.replace('.', '/')).resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                    int lines = (int) text.lines().count();
                    maps.add(new FileMap(name, List.of(new Piece(1, 1, lines))));
                    continue;
                }
                Path stub = stubPackage.resolve(name);
                if (!Files.isRegularFile(stub)) {
                    throw new FixtureException(source, null, "no stub " + stub + " to lay this fragment into; a class the stub lacks is"
                            + " written as a complete file, with `package " + pkg + ";`");
                }
                if (!parsed.errors().isEmpty()) {
                    throw new FixtureException(source, null, "does not parse: " + String.join("; ", parsed.errors())
                            + " (a submission that does not compile is written as a complete file, with its package declaration)");
                }
                String stubText = Files.readString(stub, StandardCharsets.UTF_8);
                Parsed stubParsed = parse(stub, stubText);
                if (!stubParsed.errors().isEmpty()) {
                    throw new IllegalStateException("the stub " + stub + " does not parse: " + stubParsed.errors());
                }
                Merged merged = merge(source, text, parsed, stub, stubText, stubParsed);
                Files.writeString(outPackage.resolve(name), merged.text(), StandardCharsets.UTF_8);
                maps.add(new FileMap(name, merged.pieces()));
            }
            copyTree(fixture.resolve(TREE), out.resolve(TREE), maps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay " + fixture + " into " + out, e);
        }
        return new LaidIn(out, maps);
    }

    /**
     * Copies every file under the fixture's {@code src/} to the same path of the submission, as it is: for a file whose
     * place is the point, which no other rule can put there (a class that declares JUnit's package inside the
     * exercise's folder). Such a file has no line map but its own.
     */
    private static void copyTree(Path from, Path to, List<FileMap> maps) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            int lines = (int) Files.readString(file, StandardCharsets.UTF_8).lines().count();
            maps.add(new FileMap(file.getFileName().toString(), List.of(new Piece(1, 1, lines))));
        }
    }

    private record Merged(String text, List<Piece> pieces) {}

    /** One replacement in the stub's text: {@code [start, end)} becomes fragment text {@code [fromStart, fromEnd)}. */
    private record Edit(long start, long end, long fromStart, long fromEnd, String prefix, String suffix) {}

    private static Merged merge(Path source, String text, Parsed fragment, Path stub, String stubText, Parsed stubParsed) {
        CompilationUnitTree unit = fragment.unit();
        CompilationUnitTree stubUnit = stubParsed.unit();
        SourcePositions fragPos = fragment.pos();
        SourcePositions stubPos = stubParsed.pos();
        String className = source.getFileName().toString().replace(FRAGMENT_SUFFIX, "");
        ClassTree stubClass = topClass(stubUnit, className)
                .orElseThrow(() -> new FixtureException(stub, null, "the stub declares no class " + className));
        List<ClassTree> fragClasses = unit.getTypeDecls().stream().filter(ClassTree.class::isInstance).map(ClassTree.class::cast).toList();
        ClassTree fragClass = fragClasses.stream().filter(c -> c.getSimpleName().contentEquals(className)).findFirst()
                .orElseThrow(() -> new FixtureException(source, null, "a fragment named " + source.getFileName()
                        + " declares the members of `class " + className + " { ... }`; found none"));

        List<Edit> edits = new ArrayList<>();
        // Imports the stub lacks, after its last import (or its package declaration).
        Set<String> stubImports = stubUnit.getImports().stream().map(i -> importText(i, stubText, stubPos, stubUnit)).collect(Collectors.toSet());
        long importAt = stubUnit.getImports().isEmpty()
                ? stubPos.getEndPosition(stubUnit, stubUnit.getPackage())
                : stubPos.getEndPosition(stubUnit, stubUnit.getImports().getLast());
        for (ImportTree i : unit.getImports()) {
            if (!stubImports.contains(importText(i, text, fragPos, unit))) {
                long s = fragPos.getStartPosition(unit, i);
                edits.add(new Edit(importAt, importAt, s, fragPos.getEndPosition(unit, i), "\n", ""));
            }
        }
        // Members: a stub method's body replaces the stub's body; any other member goes before the closing brace.
        long classEnd = stubPos.getEndPosition(stubUnit, stubClass) - 1; // the closing brace
        long gapStart = bodyStart(text, fragPos.getStartPosition(unit, fragClass));
        Set<MethodTree> replaced = new LinkedHashSet<>();
        int lastAdded = -1;
        for (Tree member : fragClass.getMembers()) {
            long memberEnd = fragPos.getEndPosition(unit, member);
            Optional<MethodTree> stubMethod = member instanceof MethodTree m ? sameName(stubClass, m) : Optional.empty();
            if (stubMethod.isPresent()) {
                MethodTree mine = (MethodTree) member;
                MethodTree given = stubMethod.get();
                String want = header(given, stubText, stubPos, stubUnit);
                String got = header(mine, text, fragPos, unit);
                if (!want.equals(got)) {
                    throw new FixtureException(source, null, "line " + unit.getLineMap().getLineNumber(fragPos.getStartPosition(unit, member))
                            + ": `" + got + "` is not the stub's `" + want + "`; write the stub's header to replace its body,"
                            + " or a complete file (with a package declaration) for a changed signature");
                }
                if (mine.getBody() == null || given.getBody() == null || !replaced.add(given)) {
                    throw new FixtureException(source, null, "`" + got + "` needs one body, laid in once");
                }
                edits.add(new Edit(stubPos.getStartPosition(stubUnit, given.getBody()), stubPos.getEndPosition(stubUnit, given.getBody()),
                        fragPos.getStartPosition(unit, mine.getBody()), fragPos.getEndPosition(unit, mine.getBody()), "", ""));
            } else {
                edits.add(new Edit(classEnd, classEnd, gapStart, memberEnd, "", ""));
                lastAdded = edits.size() - 1;
            }
            gapStart = memberEnd;
        }
        if (lastAdded >= 0) { // the stub class's closing brace on a line of its own
            Edit last = edits.get(lastAdded);
            edits.set(lastAdded, new Edit(last.start(), last.end(), last.fromStart(), last.fromEnd(), last.prefix(), "\n"));
        }
        // Other top-level types of the fragment, after the stub's.
        long fileEnd = stubText.length();
        for (ClassTree other : fragClasses) {
            if (other != fragClass) {
                long s = fragPos.getStartPosition(unit, other);
                edits.add(new Edit(fileEnd, fileEnd, lineStart(text, s), fragPos.getEndPosition(unit, other), "\n", "\n"));
            }
        }
        return apply(stubText, text, edits);
    }

    /** Applies edits in stub order (stable for equal positions, so added members keep the fragment's order). */
    private static Merged apply(String stubText, String text, List<Edit> edits) {
        List<Edit> ordered = new ArrayList<>(edits);
        ordered.sort((a, b) -> Long.compare(a.start(), b.start()));
        StringBuilder out = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (Edit e : ordered) {
            out.append(stubText, at, (int) e.start());
            out.append(e.prefix());
            String piece = text.substring((int) e.fromStart(), (int) e.fromEnd());
            int laidInFirst = lineOf(out, out.length());
            int fragmentFirst = lineOf(text, (int) e.fromStart());
            out.append(piece).append(e.suffix());
            pieces.add(new Piece(fragmentFirst, laidInFirst, (int) piece.chars().filter(c -> c == '\n').count() + 1));
            at = (int) e.end();
        }
        out.append(stubText, at, stubText.length());
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return new Merged(out.toString(), pieces);
    }

    private static int lineOf(CharSequence s, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static long lineStart(String text, long offset) {
        int nl = text.lastIndexOf('\n', (int) offset - 1);
        return nl + 1;
    }

    /** The offset just after the class body's opening brace. */
    private static long bodyStart(String text, long classStart) {
        return text.indexOf('{', (int) classStart) + 1;
    }

    private static Optional<ClassTree> topClass(CompilationUnitTree unit, String name) {
        return unit.getTypeDecls().stream().filter(ClassTree.class::isInstance).map(ClassTree.class::cast)
                .filter(c -> c.getSimpleName().contentEquals(name)).findFirst();
    }

    private static Optional<MethodTree> sameName(ClassTree stubClass, MethodTree method) {
        return stubClass.getMembers().stream().filter(MethodTree.class::isInstance).map(MethodTree.class::cast)
                .filter(m -> m.getName().contentEquals(method.getName())).findFirst();
    }

    /** Return type, name, parameter types and names, as source text with whitespace squeezed. */
    private static String header(MethodTree m, String text, SourcePositions pos, CompilationUnitTree unit) {
        String returns = m.getReturnType() == null ? "" : src(m.getReturnType(), text, pos, unit) + " ";
        List<String> params = new ArrayList<>();
        for (VariableTree p : m.getParameters()) {
            params.add(src(p.getType(), text, pos, unit) + " " + p.getName());
        }
        return returns + m.getName() + "(" + String.join(", ", params) + ")";
    }

    private static String importText(ImportTree i, String text, SourcePositions pos, CompilationUnitTree unit) {
        return src(i, text, pos, unit);
    }

    private static String src(Tree t, String text, SourcePositions pos, CompilationUnitTree unit) {
        return text.substring((int) pos.getStartPosition(unit, t), (int) pos.getEndPosition(unit, t)).replaceAll("\\s+", " ");
    }

    /** A parsed file: its tree, the positions of its nodes, and the syntax errors found ("line N: message"). */
    record Parsed(CompilationUnitTree unit, SourcePositions pos, List<String> errors) {}

    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** Parses with the JDK's parser only (no class path, no attribution). */
    static Parsed parse(Path file, String text) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject object = new SimpleJavaFileObject(URI.create("string:///" + file.getFileName()), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(object));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
        return new Parsed(unit, Trees.instance(task).getSourcePositions(), errors);
    }
}
