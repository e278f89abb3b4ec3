package grader.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the project's Markdown resolves: the file (or folder) it names exists, and an anchor
 * ({@code file.md#heading} or {@code #heading}) names a heading of that file, slugged as GitHub slugs them.
 * Links to the web are not followed (a test must not need the network).
 */
class DocsLinksTest {

    /** A link {@code [text](target)} or an image {@code ![alt](target)}; a title after the target is allowed. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkInTheProjectsMarkdownResolves() {
        Path repo = repositoryRoot();
        List<Path> files = markdownFiles(repo);
        assertTrue(files.size() >= 10, "expected the README, the guides and the exercise pages, found " + files);
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            broken.addAll(brokenLinks(file, linkBase(repo, file)));
        }
        assertEquals(List.of(), broken, "broken relative links");
    }

    @Test
    void aMissingFileAndAMissingHeadingAreBothReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other\n\n## The test JVM's start-up cache\n");
        Files.writeString(dir.resolve("a.md"), """
                # A

                [ok](other.md#the-test-jvms-start-up-cache) [ok too](#a) [web](https://example.org/x)
                [gone](missing.md) [no such heading](other.md#nope) `[in code](missing-too.md)`

                ```
                [in a fence](missing-three.md)
                ```
                """);
        assertEquals(List.of("a.md:4: missing.md (no such file)", "a.md:4: other.md#nope (no heading 'nope' in other.md)"),
                brokenLinks(dir.resolve("a.md"), dir));
    }

    @Test
    void headingsAreSluggedAsGitHubSlugsThem() {
        assertEquals("verdicts-under-load-mvn--b--pflip-verify-20-runs",
                slug("Verdicts under load (`mvn -B -Pflip verify`, 20 runs)"));
        assertEquals("the-reports-json-schema", slug("The report's JSON Schema"));
        assertEquals("beyond-one-machine-shards", slug("Beyond one machine: shards"));
    }

    /** The folder links of {@code file} are relative to: its own, except the starter's template, which is written at the starter's root. */
    private static Path linkBase(Path repo, Path file) {
        Path starterTemplates = repo.resolve("grader/src/main/resources/grader/starter");
        // The starter's README is exported to the root of a folder laid out like this repository's root
        // (exercises/ beside it), so its links are checked against the repository root.
        return file.getParent().equals(starterTemplates) ? repo : file.getParent();
    }

    private static List<String> brokenLinks(Path file, Path base) {
        List<String> broken = new ArrayList<>();
        List<String> lines = readLines(file);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like: not ours to check offline
                }
                String problem = problem(file, base, target);
                if (problem != null) {
                    broken.add(file.getFileName() + ":" + (i + 1) + ": " + target + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    private static String problem(Path file, Path base, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : base.resolve(path).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null) {
            if (!resolved.getFileName().toString().endsWith(".md") || Files.isDirectory(resolved)) {
                return "an anchor into a file that is not Markdown";
            }
            if (!headingSlugs(resolved).contains(anchor)) {
                return "no heading '" + anchor + "' in " + resolved.getFileName();
            }
        }
        return null;
    }

    /** The anchors GitHub gives a file's headings: a repeated slug gets {@code -1}, {@code -2}, ... */
    private static Set<String> headingSlugs(Path file) {
        Set<String> slugs = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : readLines(file)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                String slug = slug(m.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                slugs.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return slugs;
    }

    /** GitHub's slug: lower case, punctuation other than {@code -} and {@code _} dropped, each space a {@code -}. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    private static List<Path> markdownFiles(Path repo) {
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        for (Path part : repo.relativize(p)) {
                            String name = part.toString();
                            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("grader/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (README.md beside grader/pom.xml) above " + Path.of("").toAbsolutePath());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
