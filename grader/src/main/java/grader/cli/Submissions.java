package grader.cli;

import grader.verdict.ExerciseSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the command line checks about a submission folder before grading it, and how it shows paths. */
final class Submissions {
    private Submissions() {}

    /** {@return whether {@code dir} has a {@code .java} file in the source folder of one of {@code ids}} */
    static boolean hasSources(Path dir, List<String> ids) {
        for (String id : ids) {
            Path pkg = dir.resolve("src/main/java").resolve(ExerciseSpec.load(id).packageName().replace('.', '/'));
            if (Files.isDirectory(pkg)) {
                try (Stream<Path> files = Files.walk(pkg)) {
                    if (files.anyMatch(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }

    /** {@return where the sources of {@code ids} would be, e.g. {@code src/main/java/course/fetch/*.java}} */
    static String where(List<String> ids) {
        if (ids.size() == 1) {
            return "src/main/java/" + ExerciseSpec.load(ids.get(0)).packageName().replace('.', '/') + "/*.java";
        }
        return "src/main/java/course/<exercise>/*.java";
    }

    /** {@return "; did you mean exercises/?" when a sub-folder of {@code given} holds them, or where to look} */
    static String hint(Path given, List<String> ids) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(given, Files::isDirectory)) {
            for (Path child : children) {
                if (hasSources(child.toAbsolutePath().normalize(), ids)) {
                    return "; did you mean " + given.resolve(child.getFileName()).normalize() + "/?";
                }
            }
        } catch (IOException e) {
            // no hint then: the error itself still names the folder
        }
        return "; did you mean exercises/? (the folder that holds src/main/java/course/)";
    }

    /**
     * {@return {@code file} as the learner can open it: relative to the current folder when it lies under it (as
     * {@code exercises/target/grader/report.json} from the repository's root), else absolute; never with {@code ..}}
     */
    static Path shown(Path file) {
        Path here = Path.of("").toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute) : absolute;
    }
}
