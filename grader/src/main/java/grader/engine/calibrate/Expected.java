package grader.engine.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.verdict.ExerciseSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a teacher expects of one labelled submission, read from its {@code expected.json}.
 *
 * @param exercise         the exercise graded (one of {@link ExerciseSpec#KNOWN})
 * @param model            the model the code uses, or null when none can be observed (it is refused, or does not run)
 * @param flaws            the flaws found on it, most important first; empty for none
 * @param modelPoints      how much of the model points it earns
 * @param functionalPoints how much of the functional points it earns, if the fixture says
 * @param staticsPoints    how much of the static-check points it earns, if the fixture says
 * @param sentenceContains words the verdict's sentence must contain (each one)
 * @param site             the learner's line the verdict names, if the fixture says
 */
public record Expected(String exercise, String model, List<String> flaws, Share modelPoints, Optional<Share> functionalPoints,
                       Optional<Share> staticsPoints, List<String> sentenceContains, Optional<SiteExpectation> site) {
    /** The file name of a labelled submission's expectations. */
    public static final String FILE = "expected.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("exercise", "model", "flaws", "modelPoints", "functionalPoints",
            "staticsPoints", "sentenceContains", "site", "about");

    public Expected {
        flaws = List.copyOf(flaws);
        sentenceContains = List.copyOf(sentenceContains);
    }

    /** A share of a part's points. */
    public enum Share {
        /** all of them */
        FULL,
        /** more than none, less than all */
        PARTIAL,
        /** none */
        NONE;

        /** {@return the share that {@code earned} of {@code max} is} */
        public static Share of(double earned, double max) {
            return earned >= max ? FULL : earned <= 0 ? NONE : PARTIAL;
        }

        /** {@return the word used in expected.json} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The learner's line a verdict names.
     *
     * @param file the fragment's file name, e.g. {@code WordCounter.java}
     * @param line the line in that fragment (1-based), or 0 for "any line of that file"
     */
    public record SiteExpectation(String file, int line) {}

    /**
     * Reads {@code <fixture>/expected.json}.
     *
     * @throws FixtureException naming the file and the field when the file is missing, not JSON, or a field is
     *                          missing, unknown or of the wrong kind
     */
    public static Expected read(Path fixture) {
        Path file = fixture.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new FixtureException(file, null, "missing: every labelled submission has one");
        } catch (JsonProcessingException e) {
            throw new FixtureException(file, null, "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new FixtureException(file, null, "must hold one JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new FixtureException(file, name, "unknown field; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String exercise = text(file, root, "exercise", true);
        if (!ExerciseSpec.KNOWN.contains(exercise)) {
            throw new FixtureException(file, "exercise", "unknown exercise '" + exercise + "'; known: " + String.join(", ", ExerciseSpec.KNOWN));
        }
        if (!root.has("model")) {
            throw new FixtureException(file, "model", "missing: the model the code uses, or null when none can be observed");
        }
        String model = root.get("model").isNull() ? null : id(file, "model", text(file, root, "model", true));
        List<String> flaws = new ArrayList<>();
        JsonNode flawNode = root.get("flaws");
        if (flawNode == null || !flawNode.isArray()) {
            throw new FixtureException(file, "flaws", "missing or not an array: the flaw ids, [] for none");
        }
        for (JsonNode f : flawNode) {
            if (!f.isTextual()) {
                throw new FixtureException(file, "flaws", "holds " + f + ", not a flaw id");
            }
            flaws.add(id(file, "flaws", f.asText()));
        }
        if (model == null && flaws.isEmpty()) {
            throw new FixtureException(file, "model", "null with no flaw: say what the grader should find");
        }
        Share modelPoints = share(file, root, "modelPoints").orElseThrow(
                () -> new FixtureException(file, "modelPoints", "missing: one of full, partial, none"));
        List<String> words = new ArrayList<>();
        JsonNode sentence = root.get("sentenceContains");
        if (sentence != null) {
            if (!sentence.isArray()) {
                throw new FixtureException(file, "sentenceContains", "not an array of strings");
            }
            for (JsonNode w : sentence) {
                if (!w.isTextual() || w.asText().isEmpty()) {
                    throw new FixtureException(file, "sentenceContains", "holds " + w + ", not a non-empty string");
                }
                words.add(w.asText());
            }
        }
        Optional<SiteExpectation> site = Optional.empty();
        JsonNode siteNode = root.get("site");
        if (siteNode != null) {
            if (!siteNode.isObject() || !siteNode.path("file").isTextual() || !siteNode.path("file").asText().endsWith(".java")
                    || (siteNode.has("line") && (!siteNode.get("line").canConvertToInt() || siteNode.get("line").asInt() < 1))) {
                throw new FixtureException(file, "site", "must be {\"file\": \"<Class>.java\"} with an optional \"line\" of 1 or more, not " + siteNode);
            }
            site = Optional.of(new SiteExpectation(siteNode.get("file").asText(), siteNode.path("line").asInt(0)));
        }
        if (root.has("about") && !root.get("about").isTextual()) {
            throw new FixtureException(file, "about", "not a string");
        }
        return new Expected(exercise, model, flaws, modelPoints, share(file, root, "functionalPoints"), share(file, root, "staticsPoints"),
                words, site);
    }

    /** {@return the verdict as one label: the model, then each flaw after a "+"; "?" for no observed model} */
    static String label(String model, List<String> flaws) {
        StringBuilder b = new StringBuilder(model == null ? "?" : model);
        flaws.forEach(f -> b.append(" + ").append(f));
        return b.toString();
    }

    private static String text(Path file, JsonNode root, String field, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new FixtureException(file, field, (n == null ? "missing" : "not a non-empty string: " + n));
        }
        return n.asText();
    }

    private static String id(Path file, String field, String value) {
        if (!ID.matcher(value).matches()) {
            throw new FixtureException(file, field, "'" + value + "' is not a verdict id (lower-case words joined by '-')");
        }
        return value;
    }

    private static Optional<Share> share(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null) {
            return Optional.empty();
        }
        for (Share s : Share.values()) {
            if (n.isTextual() && s.word().equals(n.asText())) {
                return Optional.of(s);
            }
        }
        throw new FixtureException(file, field, n + " is not one of full, partial, none");
    }
}
