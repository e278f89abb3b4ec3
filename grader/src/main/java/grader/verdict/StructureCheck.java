package grader.verdict;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks, before any test runs, that a submission declares the exact public members its exercise
 * requires, and says which member is wrong: expected versus found. Classes are loaded without being
 * initialised, so no learner code runs here.
 */
public final class StructureCheck {
    private StructureCheck() {}

    /** {@return one sentence per problem; empty when the structure is right} */
    public static List<String> check(ExerciseSpec spec, Path classesDir) {
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (ExerciseSpec.MethodSpec m : spec.structure()) {
                Class<?> type;
                try {
                    type = Class.forName(m.className(), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add("class " + m.className() + " is missing (expected in src/main/java/"
                            + m.className().replace('.', '/') + ".java)");
                    continue;
                }
                if (!Modifier.isPublic(type.getModifiers())) {
                    problems.add("class " + m.className() + " must be public");
                }
                checkMethod(m, type, problems);
            }
        } catch (java.io.IOException e) {
            problems.add("could not read the compiled classes: " + e.getMessage());
        }
        return problems;
    }

    private static void checkMethod(ExerciseSpec.MethodSpec m, Class<?> type, List<String> problems) {
        List<Method> named;
        try {
            named = Arrays.stream(type.getDeclaredMethods()).filter(x -> x.getName().equals(m.method())).toList();
        } catch (LinkageError e) {
            problems.add(m.className() + ": its methods could not be read: " + e);
            return;
        }
        for (Method x : named) {
            if (signature(x).equals(expected(m))) {
                if (!Modifier.isPublic(x.getModifiers())) {
                    problems.add(m.className() + "." + m.method() + " must be public");
                }
                return;
            }
        }
        String found = named.isEmpty() ? "no method named " + m.method()
                : String.join("; ", named.stream().map(StructureCheck::shown).toList());
        problems.add(m.className() + ": expected `public " + m.signature() + "`, found " + found);
    }

    private static String expected(ExerciseSpec.MethodSpec m) {
        return (m.isStatic() ? "static " : "") + m.returns() + " " + m.method() + "(" + String.join(",", m.parameters()) + ")";
    }

    private static String signature(Method x) {
        List<String> params = Arrays.stream(x.getGenericParameterTypes()).map(t -> t.getTypeName()).toList();
        return (Modifier.isStatic(x.getModifiers()) ? "static " : "") + x.getGenericReturnType().getTypeName() + " "
                + x.getName() + "(" + String.join(",", params) + ")";
    }

    private static String shown(Method x) {
        List<String> params = Arrays.stream(x.getGenericParameterTypes()).map(t -> ExerciseSpec.MethodSpec.simple(t.getTypeName())).toList();
        return "`" + Modifier.toString(x.getModifiers()) + " " + ExerciseSpec.MethodSpec.simple(x.getGenericReturnType().getTypeName())
                + " " + x.getName() + "(" + String.join(", ", params) + ")`";
    }
}
