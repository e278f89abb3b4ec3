package grader.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.verdict.ExerciseSpec;
import grader.verdict.RuleBook;
import grader.verdict.VerdictId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The maintainers' guide's verdict tables say what the rule book does: the first table is the rule book's own
 * ({@link RuleBook#verdictTable()}: every declared rule, in order, with its description) and so lists exactly the ids
 * of {@link VerdictId}, and the second the expected models of each exercise's spec.
 */
class DocsVerdictTableTest {
    static final Path GUIDE = Path.of("docs/maintainers.md");
    static final Pattern CODE = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void theVerdictTableListsExactlyTheRuleBooksIds() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (List<String> row : table("| verdict id |")) {
            documented.addAll(codes(row.get(0)));
        }
        Set<String> known = new TreeSet<>(Arrays.stream(VerdictId.values()).map(VerdictId::id).toList());
        assertEquals(known, documented, GUIDE + ": the verdict table against grader.verdict.VerdictId");
    }

    @Test
    void theVerdictTableIsTheRuleBooks() throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve(GUIDE));
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            start = lines.get(i).startsWith("| verdict id |") ? i : -1;
        }
        List<String> documented = new ArrayList<>();
        for (int i = Math.max(start, 0); start >= 0 && i < lines.size() && lines.get(i).startsWith("|"); i++) {
            documented.add(lines.get(i));
        }
        String table = RuleBook.verdictTable();
        assertEquals(table, documented.stream().map(l -> l + "\n").reduce("", String::concat), GUIDE + ": the verdict table"
                + " is generated from the rule book's declared rules; replace it with the expected text above (a rule's"
                + " description is changed in grader.verdict, not in the guide)");
    }

    @Test
    void theExerciseTableNamesEachSpecsExpectedModels() throws IOException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (List<String> row : table("| exercise | expected |")) {
            // "(`fixed-pool` of exactly the cap: warn, ...)": what is in parentheses is not expected
            documented.put(codes(row.get(0)).get(0), new TreeSet<>(codes(row.get(1).replaceAll("\\(.*?\\)", ""))));
        }
        Map<String, Set<String>> specs = new LinkedHashMap<>();
        for (String id : ExerciseSpec.KNOWN) {
            specs.put(id, new TreeSet<>(ExerciseSpec.load(id).models().expected()));
        }
        assertEquals(new TreeSet<>(specs.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(documented.entrySet().stream().map(Object::toString).toList()), GUIDE + ": expected models against the specs");
    }

    /** The rows of the table whose header starts with {@code header}, split into cells. */
    static List<List<String>> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve(GUIDE));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                start = i + 2; // the header and the |---| line
                break;
            }
        }
        if (start < 0) {
            throw new AssertionError(GUIDE + " has no table starting with " + header);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")).map(String::trim).toList());
        }
        return rows;
    }

    static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("grader/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
