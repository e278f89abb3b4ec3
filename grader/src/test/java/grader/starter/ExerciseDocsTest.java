package grader.starter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.Scores;
import grader.verdict.ExerciseSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The exercise docs learners read ({@code exercises/docs/<id>.md}) agree with the exercise specs on credit: the spec
 * decides. Each doc's "Credit" table is made from its spec (a difference fails with the block to paste), a doc whose
 * spec gives no verdict a share of the model points promises none in its prose, and each doc shows the command that
 * grades that one exercise.
 */
class ExerciseDocsTest {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static final List<String> IDS = ExerciseSpec.KNOWN;
    /** Words in a doc that promise a verdict some of the model points. */
    static final Pattern PARTIAL = Pattern.compile("partial credit|half (of )?the model points|share of the model points");
    static final Pattern CREDIT = Pattern.compile("(?s)## Credit\n.*?(?=\n## )");

    @ParameterizedTest(name = "{0}")
    @FieldSource("IDS")
    void theCreditTableIsTheSpecs(String id) throws IOException {
        String doc = doc(id);
        Matcher m = CREDIT.matcher(doc);
        String expected = creditSection(ExerciseSpec.load(id));
        assertTrue(m.find(), "exercises/docs/" + id + ".md has no \"## Credit\" section; add:\n" + expected);
        assertEquals(expected, m.group(), "exercises/docs/" + id + ".md differs from its spec; the spec decides:\n" + expected);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("IDS")
    void noPartialCreditIsPromisedThatTheSpecDoesNotGive(String id) throws IOException {
        ExerciseSpec spec = ExerciseSpec.load(id);
        String prose = CREDIT.matcher(doc(id)).replaceAll("").replaceAll("\\s+", " ");
        List<String> promises = new ArrayList<>();
        Matcher m = PARTIAL.matcher(prose.toLowerCase(Locale.ROOT));
        while (m.find()) {
            promises.add(prose.substring(Math.max(0, m.start() - 120), m.end()));
        }
        if (spec.models().warn().isEmpty()) {
            assertEquals(List.of(), promises, id + "'s spec gives no verdict a share of the model points");
        } else {
            assertAll(promises.stream().map(p -> () -> assertTrue(spec.models().warn().keySet().stream()
                    .anyMatch(v -> p.contains(v) || p.contains(v.replace('-', ' '))), "a promise that names no verdict the spec warns: " + p)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("IDS")
    void howToRunShowsTheCommandForThisExercise(String id) throws IOException {
        String doc = doc(id);
        String run = doc.substring(doc.indexOf("## How to run"));
        assertTrue(run.contains("mvn -Plearner verify -Dexercise=" + id), run);
    }

    /** {@return the "## Credit" section, as the docs hold it, made from {@code spec}} */
    static String creditSection(ExerciseSpec spec) {
        ExerciseSpec.Points p = spec.points();
        StringBuilder model = new StringBuilder("all " + Scores.format(p.model()) + " for " + alternatives(spec.models().expected()));
        Map<String, Double> warn = new TreeMap<>(spec.models().warn());
        warn.forEach((verdict, share) -> model.append("; ").append(Scores.format(p.model() * share)).append(" (")
                .append(Scores.format(share * 100)).append("%) for `").append(verdict).append('`'));
        model.append("; none for any other verdict");
        return String.join("\n",
                "## Credit",
                "",
                "<!-- Made from the exercise's spec, which decides; ExerciseDocsTest fails when the two differ and prints this block. -->",
                "| part | points | how they are earned |",
                "|---|---|---|",
                "| results | " + Scores.format(p.functional()) + " | shared among the tests: each one that passes earns its share"
                        + " (locally the public tests; in the course pipeline the hidden ones too) |",
                "| model | " + Scores.format(p.model()) + " | " + model + " |",
                "| static rules | " + Scores.format(p.statics()) + " | shared among the static rules that hold, once a test passes |",
                "| total | " + Scores.format(p.total()) + " | |",
                "");
    }

    private static String alternatives(List<String> verdicts) {
        List<String> ticked = verdicts.stream().map(v -> "`" + v + "`").toList();
        return ticked.size() == 1 ? ticked.get(0)
                : String.join(", ", ticked.subList(0, ticked.size() - 1)) + " or " + ticked.get(ticked.size() - 1);
    }

    private static String doc(String id) throws IOException {
        return Files.readString(REPO.resolve("exercises/docs/" + id + ".md"));
    }
}
