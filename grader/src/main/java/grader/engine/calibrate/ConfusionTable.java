package grader.engine.calibrate;

import grader.verdict.ExerciseSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Expected against got, per exercise: one row per expected verdict (with its model points), one numbered column per
 * verdict the grader gave, the number of labelled submissions in each cell ({@code .} for none). A grader that agrees
 * with every label fills the diagonal only. Below the tables, every submission that differs, with each difference.
 */
public final class ConfusionTable {
    private final List<Outcome> outcomes;

    public ConfusionTable(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /** {@return the submissions that differ from their labels} */
    public List<Outcome> mismatches() {
        return outcomes.stream().filter(o -> !o.agrees()).toList();
    }

    /** Prints the tables, the mismatches and a last line with the counts. */
    public void print(PrintWriter out) {
        Map<String, List<Outcome>> byExercise = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(ExerciseSpec.KNOWN);
        outcomes.stream().map(o -> o.expected().exercise()).filter(e -> !order.contains(e)).distinct().forEach(order::add);
        for (String exercise : order) {
            List<Outcome> mine = outcomes.stream().filter(o -> o.expected().exercise().equals(exercise)).toList();
            if (!mine.isEmpty()) {
                byExercise.put(exercise, mine);
            }
        }
        byExercise.forEach((exercise, mine) -> printOne(out, exercise, mine));
        List<Outcome> differ = mismatches();
        if (!differ.isEmpty()) {
            out.println("not as expected:");
            for (Outcome o : differ) {
                out.println("  " + o.name() + " (" + o.expected().exercise() + "): " + String.join("; ", o.mismatches()));
            }
        }
        out.println(outcomes.size() + " labelled submission" + (outcomes.size() == 1 ? "" : "s") + ": "
                + (outcomes.size() - differ.size()) + " as expected, " + differ.size() + " not");
        out.flush();
    }

    private static void printOne(PrintWriter out, String exercise, List<Outcome> mine) {
        TreeSet<String> rows = new TreeSet<>();
        TreeSet<String> columns = new TreeSet<>();
        for (Outcome o : mine) {
            rows.add(o.expectedLabel());
            columns.add(o.gotLabel());
        }
        // Columns in the rows' order first, so that agreement is the diagonal; then the grader's other verdicts.
        List<String> cols = new ArrayList<>(rows.stream().filter(columns::contains).toList());
        columns.stream().filter(c -> !cols.contains(c)).forEach(cols::add);
        long differ = mine.stream().filter(o -> !o.agrees()).count();
        out.println(exercise + ": " + mine.size() + " labelled, " + (mine.size() - differ) + " as expected");
        int labelWidth = Math.max("expected \\ got".length(), rows.stream().mapToInt(String::length).max().orElse(0));
        int cell = Math.max(3, String.valueOf(cols.size()).length() + 1);
        StringBuilder head = new StringBuilder("  ").append(pad("expected \\ got", labelWidth));
        for (int i = 0; i < cols.size(); i++) {
            head.append(left(String.valueOf(i + 1), cell + 1));
        }
        out.println(head);
        for (String row : rows) {
            StringBuilder line = new StringBuilder("  ").append(pad(row, labelWidth));
            for (String col : cols) {
                long n = mine.stream().filter(o -> o.expectedLabel().equals(row) && o.gotLabel().equals(col)).count();
                line.append(left(n == 0 ? "." : String.valueOf(n), cell + 1));
            }
            out.println(line);
        }
        out.println("  got: " + String.join(", ", cols.stream().map(c -> (cols.indexOf(c) + 1) + " " + c).toList()));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String left(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
