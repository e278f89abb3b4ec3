package grader.verdict.statics;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sandbox's look at a submission's sources, before and beside what is compiled: a {@code .java} file
 * under {@code src/main/java} outside every known exercise's folder is ignored (never compiled), and
 * refused if it declares a package of the grader or of a test tool; a file in the exercise's own folder
 * is refused if it declares any package but the exercise's (or a sub-package).
 */
public final class SandboxSources {
    private SandboxSources() {}

    /**
     * What the sources show.
     *
     * @param ignored    {@code src/main/java/x/Helper.java: ignored: not part of any exercise}, one per file
     * @param violations sources refused, each with its file and line
     */
    public record Result(List<String> ignored, List<SandboxViolation> violations) {
        public Result {
            ignored = List.copyOf(ignored);
            violations = List.copyOf(violations);
        }
    }

    private static final Pattern PACKAGE = Pattern.compile(
            "\\bpackage\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*;");

    /**
     * Reads every {@code .java} file under the submission's {@code src/main/java}.
     *
     * @param submission      the submission's folder
     * @param exercisePackage the package of the exercise being graded ({@code course.fetch})
     * @param knownPackages   the packages of every known exercise; their folders are not ignored
     */
    public static Result scan(Path submission, String exercisePackage, Collection<String> knownPackages) throws IOException {
        Path root = submission.resolve("src/main/java");
        List<String> ignored = new ArrayList<>();
        List<SandboxViolation> violations = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Result(ignored, violations);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        String folder = exercisePackage.replace('.', '/') + "/";
        for (Path file : files) {
            String inRoot = root.relativize(file).toString().replace('\\', '/');
            String shown = submission.relativize(file).toString().replace('\\', '/');
            if (inRoot.startsWith(folder)) {
                if (!file.getFileName().toString().equals("module-info.java")) {
                    Declared declared = declaredPackage(file);
                    if (!SandboxRules.within(declared.name(), exercisePackage)) {
                        violations.add(new SandboxViolation("exercise-package", SandboxRules.exercisePackageRule(exercisePackage),
                                SandboxRules.EXERCISE_PACKAGE_BECAUSE,
                                "Start " + shown + " with `package " + exercisePackage + ";` (or a sub-package of it).",
                                declared.name().isEmpty() ? "declares no package" : "declares package " + declared.name(),
                                shown + ":" + declared.line(), null));
                    }
                }
            } else if (knownPackages.stream().noneMatch(p -> inRoot.startsWith(p.replace('.', '/') + "/"))) {
                ignored.add(shown + ": ignored: not part of any exercise");
                Declared declared = declaredPackage(file);
                if (SandboxRules.TRUSTED_PACKAGES.stream().anyMatch(r -> SandboxRules.within(declared.name(), r))) {
                    violations.add(new SandboxViolation("no-shadowing", "no classes in the grader's or the test tools' packages",
                            "a class in a package of the grader or of JUnit could stand in for theirs, and they decide your results",
                            "Delete " + shown + "; only src/main/java/" + folder + " is graded, in package " + exercisePackage + ".",
                            "declares package " + declared.name() + ", which belongs to " + SandboxRules.ownerOf(declared.name()),
                            shown + ":" + declared.line(), null));
                }
            }
        }
        return new Result(ignored, violations);
    }

    /** A package declaration: its name ({@code ""} when there is none) and its line (1 when there is none). */
    record Declared(String name, int line) {}

    /**
     * The package a source declares, as the compiler reads it: after unicode escapes are translated, and
     * never from a comment or a string.
     */
    static Declared declaredPackage(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        String code = withoutCommentsAndLiterals(translateUnicodeEscapes(text));
        Matcher m = PACKAGE.matcher(code);
        if (!m.find()) {
            return new Declared("", 1);
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return new Declared(m.group(1).replaceAll("\\s", ""), line);
    }

    /** JLS 3.3: {@code \}{@code u0070} is {@code p} wherever it is, unless its backslash is itself escaped. */
    static String translateUnicodeEscapes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int backslashes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length() && s.substring(j, j + 4).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                    out.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                    i = j + 3;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
        }
        return out.toString();
    }

    /** Comments, string, text block and character literals become spaces; line breaks stay, so lines still count. */
    static String withoutCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = closing(s, i + 3, "\"\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                end = closing(s, i + 1, String.valueOf(s.charAt(i)));
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    /** The index just past {@code quote} from {@code from} on, skipping backslash escapes; the end if it never closes. */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return s.length();
    }
}
