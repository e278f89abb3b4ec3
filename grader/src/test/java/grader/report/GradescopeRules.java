package grader.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Gradescope's rules for {@code results.json} (autograder_samples {@code docs/specs.md}): the fields it
 * knows, their types and allowed values, and that the tests' scores add up to the top-level score.
 */
final class GradescopeRules {
    static final Set<String> TOP = Set.of("score", "execution_time", "output", "output_format", "test_output_format",
            "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
    static final Set<String> TEST = Set.of("score", "max_score", "status", "name", "name_format", "number", "output",
            "output_format", "tags", "visibility", "extra_data");
    static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");
    static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");
    static final Set<String> STATUSES = Set.of("passed", "failed");

    private GradescopeRules() {}

    /** {@return every rule the results break; empty when they follow the spec} */
    static List<String> problems(JsonNode results) {
        List<String> p = new ArrayList<>();
        if (!results.isObject()) {
            return List.of("results.json is not an object");
        }
        unknown(results, TOP, "top level", p);
        number(results, "score", "top level", p);
        number(results, "execution_time", "top level", p);
        text(results, "output", "top level", p);
        oneOf(results, "output_format", FORMATS, "top level", p);
        oneOf(results, "test_output_format", FORMATS, "top level", p);
        oneOf(results, "test_name_format", FORMATS, "top level", p);
        oneOf(results, "visibility", VISIBILITIES, "top level", p);
        oneOf(results, "stdout_visibility", VISIBILITIES, "top level", p);
        if (results.has("extra_data") && !results.get("extra_data").isObject()) {
            p.add("extra_data is not an object");
        }
        JsonNode tests = results.get("tests");
        if (tests != null && !tests.isArray()) {
            p.add("tests is not an array");
            return p;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean anyScored = false;
        for (int i = 0; tests != null && i < tests.size(); i++) {
            JsonNode t = tests.get(i);
            String where = "tests[" + i + "]";
            if (!t.isObject()) {
                p.add(where + " is not an object");
                continue;
            }
            unknown(t, TEST, where, p);
            number(t, "score", where, p);
            number(t, "max_score", where, p);
            text(t, "name", where, p);
            text(t, "number", where, p);
            text(t, "output", where, p);
            oneOf(t, "status", STATUSES, where, p);
            oneOf(t, "visibility", VISIBILITIES, where, p);
            oneOf(t, "name_format", FORMATS, where, p);
            oneOf(t, "output_format", FORMATS, where, p);
            if (t.has("tags") && (!t.get("tags").isArray() || !allText(t.get("tags")))) {
                p.add(where + ".tags is not an array of strings");
            }
            if (t.has("score") && t.get("score").isNumber()) {
                anyScored = true;
                sum = sum.add(t.get("score").decimalValue());
                if (t.has("max_score") && t.get("score").decimalValue().compareTo(t.get("max_score").decimalValue()) > 0) {
                    p.add(where + " scores more than its max_score");
                }
            }
        }
        if (!results.has("score") && !anyScored) {
            p.add("neither a top-level score nor scored tests");
        }
        if (results.has("score") && anyScored && sum.compareTo(results.get("score").decimalValue()) != 0) {
            p.add("the tests' scores sum to " + sum + ", the top-level score is " + results.get("score").decimalValue());
        }
        return p;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void unknown(JsonNode node, Set<String> known, String where, List<String> p) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                p.add(where + " has a field Gradescope does not know: " + f);
            }
        }
    }

    private static void number(JsonNode node, String field, String where, List<String> p) {
        if (node.has(field) && !node.get(field).isNumber()) {
            p.add(where + "." + field + " is not a number");
        }
    }

    private static void text(JsonNode node, String field, String where, List<String> p) {
        if (node.has(field) && !node.get(field).isTextual()) {
            p.add(where + "." + field + " is not a string");
        }
    }

    private static void oneOf(JsonNode node, String field, Set<String> allowed, String where, List<String> p) {
        if (node.has(field) && !allowed.contains(node.get(field).asText())) {
            p.add(where + "." + field + " is " + node.get(field) + ", not one of " + allowed);
        }
    }
}
