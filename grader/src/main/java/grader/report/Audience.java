package grader.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a written report is for, and the one visibility policy every exporter applies ({@code --audience}).
 *
 * <p>{@link #STAFF} gets everything the engine kept. {@link #LEARNER} (the default) gets:
 * <ul>
 *   <li>for a test the report does not mark {@code visible} (hidden tests: {@code after_due_date} unless the spec
 *       says otherwise): its name, kind, status and duration, but no message, trace or learner's line, in every
 *       format whose consumer does not apply visibility itself. Gradescope does ({@code results.json} keeps each
 *       test's visibility field and its details, which Gradescope withholds until then);</li>
 *   <li>in every format: no absolute path that is not under the submission (the grader's work folder, its jars,
 *       the JDK): each becomes {@code …/} and its last name, so a message still says which file.</li>
 * </ul>
 * A format renders what it is given and decides nothing about visibility.
 */
public enum Audience {
    STAFF, LEARNER;

    /** {@return the id used with {@code --audience} and in {@code report.json}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the audience with this id} @throws IllegalArgumentException naming the value and the known ids */
    public static Audience of(String id) {
        for (Audience a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audience '" + id + "'; known: staff, learner");
    }

    /**
     * {@return the report as this audience may read it}
     *
     * @param visibilityApplied whether the format's consumer applies each test's visibility itself (Gradescope)
     */
    public GradeReport cut(GradeReport r, boolean visibilityApplied) {
        if (this == STAFF) {
            return r;
        }
        Paths paths = new Paths(r.submission());
        List<GradeReport.ExerciseReport> exercises = r.exercises().stream().map(e -> new GradeReport.ExerciseReport(e.id(), e.title(),
                e.score(), e.maxScore(), e.points(), e.formula(),
                e.stages().stream().map(s -> new GradeReport.Stage(s.name(), s.status(), paths.hide(s.message()),
                        s.details().stream().map(paths::hide).toList())).toList(),
                e.verdict(), e.statics(),
                e.tests().stream().map(t -> visibilityApplied || shown(t) ? new GradeReport.TestResult(t.id(), t.name(), t.kind(),
                        t.className(), t.method(), t.status(), t.visibility(), paths.hide(t.message()), paths.hide(t.trace()),
                        t.durationMillis(), t.site())
                        : new GradeReport.TestResult(t.id(), t.name(), t.kind(), t.className(), t.method(), t.status(), t.visibility(),
                        null, null, t.durationMillis(), null)).toList())).toList();
        GradeReport.Environment env = r.environment();
        if (env != null) {
            env = new GradeReport.Environment(env.jdk(), env.activeProcessors(), env.hiddenTests(), env.perTestTimeoutSeconds(),
                    env.watchdogSeconds(), env.exitCode(), env.timedOut(), env.exits(), paths.hide(env.output()), env.outputCut(),
                    env.limits());
        }
        return new GradeReport(r.schemaVersion(), r.grader(), r.submission(), r.gradedAt(), env, exercises, r.score(), r.maxScore(),
                paths.hide(r.graderError()), id());
    }

    /** {@return whether a learner may read the test's details in a format with no "after the due date": {@code visible} only} */
    static boolean shown(GradeReport.TestResult t) {
        return "visible".equals(t.visibility());
    }

    /** Rewrites absolute paths outside the submission to {@code …/<last name>}. */
    static final class Paths {
        /** An absolute path of two names or more, not inside a word, a URL or another path. */
        private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w.~/-])/(?:[\\w.@+$~-]+/)+[\\w.@+$~-]*");
        private final String submission;

        Paths(String submission) {
            String abs = null;
            try {
                abs = submission == null ? null : Path.of(submission).toAbsolutePath().normalize().toString();
            } catch (RuntimeException e) {
                // not a path of this machine: nothing is kept as the learner's own
            }
            this.submission = abs;
        }

        String hide(String text) {
            if (text == null || text.indexOf('/') < 0) {
                return text;
            }
            Matcher m = ABSOLUTE.matcher(text);
            StringBuilder b = new StringBuilder(text.length());
            while (m.find()) {
                String path = m.group();
                boolean own = submission != null && (path.equals(submission) || path.startsWith(submission + "/"));
                m.appendReplacement(b, Matcher.quoteReplacement(own ? path : hidden(path)));
            }
            m.appendTail(b);
            return b.toString();
        }

        static String hidden(String path) {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return "\u2026/" + p.substring(p.lastIndexOf('/') + 1);
        }
    }
}
