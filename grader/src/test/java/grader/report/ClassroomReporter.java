package grader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * classroom-resources/autograding-grading-reporter's arithmetic, redone in Java doubles (JavaScript's numbers are
 * IEEE-754 doubles too, so every sum is bit for bit the reporter's), read from its src/ (main.js,
 * aggregate-results.js, notify-classroom.js, helpers/test-helpers.js): a runner's result is read from the
 * environment variable {@code <RUNNER>_RESULTS} (runner id upper-cased) and base64-decoded; the table scores a runner
 * as (entries with status "pass" / entries) x max_score and adds those from 0; the "Points" notice adds every entry's
 * score of each runner whose max_score is not 0, and their max_score; both print JavaScript's number text.
 */
final class ClassroomReporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the reporter prints: the table's total row, the notice, and each runner's "Total points" line. */
    record Printed(double tableScore, double tableMax, double noticePoints, double noticeMax, List<String> runnerLines) {
        String table() {
            return "Total: " + js(tableScore) + "/" + js(tableMax);
        }

        String notice() {
            return "Points " + js(noticePoints) + "/" + js(noticeMax);
        }
    }

    private ClassroomReporter() {}

    /** {@return the runners' results as the reporter finds them: {@code runners} and one variable each} */
    static Map<String, JsonNode> fromEnvironment(String runners, Map<String, String> env) throws IOException {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String runner : runners.split(",")) {
            String encoded = env.get(runner.trim().toUpperCase(java.util.Locale.ROOT) + "_RESULTS");
            if (encoded == null) {
                throw new IllegalStateException("the reporter would fail: no " + runner.trim().toUpperCase(java.util.Locale.ROOT) + "_RESULTS");
            }
            results.put(runner, JSON.readTree(Base64.getDecoder().decode(encoded)));
        }
        return results;
    }

    static Printed run(Map<String, JsonNode> runners) {
        double tableScore = 0;
        double tableMax = 0;
        double points = 0;
        double max = 0;
        List<String> lines = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> r : runners.entrySet()) {
            JsonNode results = r.getValue();
            double maxScore = results.path("max_score").asDouble(0);
            long passed = 0;
            for (JsonNode t : results.get("tests")) {
                passed += "pass".equals(t.get("status").asText()) ? 1 : 0;
            }
            double score = (double) passed / results.get("tests").size() * maxScore;
            tableScore = tableScore + score;
            tableMax = tableMax + maxScore;
            if (maxScore != 0) {
                lines.add("Total points for " + r.getKey() + ": " + String.format(java.util.Locale.ROOT, "%.2f", score) + "/" + js(maxScore));
                max += maxScore;
                for (JsonNode t : results.get("tests")) {
                    points += t.get("score").asDouble();
                }
            }
        }
        return new Printed(tableScore, tableMax, points, max, lines);
    }

    /** JavaScript's text of a number: integers without a fraction, others as the shortest text that reads back. */
    static String js(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return String.valueOf((long) d);
        }
        return Double.toString(d);
    }
}
