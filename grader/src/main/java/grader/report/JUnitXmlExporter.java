package grader.report;

import grader.verdict.EarlyVerdicts;
import grader.verdict.ModelVerdict;
import grader.verdict.TestKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code TEST-grader.xml} in Maven Surefire's shape, which GitLab, Jenkins and most CI test views read:
 * a {@code testsuite} per exercise (its score, maximum, formula, verdict and grading time as properties), a
 * {@code testcase} per test, and one more per exercise for the concurrency-model verdict, which fails
 * unless the verdict is an expected one.
 *
 * <p>Valid against both published definitions strict consumers check: Jenkins xUnit's {@code junit-10.xsd} (the
 * root {@code testsuites} carries name, time, tests, failures and errors only, no {@code skipped}) and, per
 * {@code testsuite}, Surefire's {@code surefire-test-report-3.0.xsd} (no {@code timestamp}; every {@code testcase}
 * has a {@code time}; {@code failure} and {@code error} a {@code type}). Neither allows {@code file} or {@code line}
 * on a {@code testcase}, so the learner's line travels as the first line of a failure's text, a stack frame
 * ({@code at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:23)}), which annotation actions read from
 * Surefire files.
 *
 * <p>Statuses: failed becomes {@code failure}; aborted and skipped become {@code skipped}; a test that
 * did not run is {@code skipped} with the reason, or an {@code error} when the grader itself failed (as
 * is the verdict's test case then). Times are the tests' durations in the test JVM, in seconds; the verdict's
 * test case takes its model checks' time. What a test's text holds is what the audience's cut left
 * ({@link Audience}).
 */
final class JUnitXmlExporter {
    static final String FILE = "TEST-grader.xml";





    /** Counts of one suite, or of all of them. */
    private static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;
        long millis;

        /** @param root whether this is {@code testsuites}, which junit-10.xsd gives no {@code skipped} */
        void set(Element e, boolean root) {
            e.setAttribute("tests", String.valueOf(tests));
            e.setAttribute("failures", String.valueOf(failures));
            e.setAttribute("errors", String.valueOf(errors));
            if (!root) {
                e.setAttribute("skipped", String.valueOf(skipped));
            }
            e.setAttribute("time", seconds(millis));
        }

        void add(Counts c) {
            tests += c.tests;
            failures += c.failures;
            errors += c.errors;
            skipped += c.skipped;
            millis += c.millis;
        }
    }

    /** Seconds with three decimals, as both schemas' time pattern allows ({@code 0.312}). */
    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    static byte[] render(GradeReport report) throws IOException {
        List<ScoredPart> parts = ScoredPart.of(report); // refuses a report whose numbers do not add up
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
        boolean graderError = report.graderError() != null;
        Element root = doc.createElement("testsuites");
        root.setAttribute("name", "grader");
        doc.appendChild(root);
        Counts all = new Counts();
        for (GradeReport.ExerciseReport e : report.exercises()) {
            Element suite = doc.createElement("testsuite");
            suite.setAttribute("name", "grader." + e.id());
            Element props = doc.createElement("properties");
            property(doc, props, "score", Scores.format(e.score()));
            property(doc, props, "maxScore", Scores.format(e.maxScore()));
            property(doc, props, "formula", e.formula());
            property(doc, props, "verdict", e.verdict() == null ? null : e.verdict().id());
            property(doc, props, "reportScore", Scores.format(report.score()));
            property(doc, props, "reportMaxScore", Scores.format(report.maxScore()));
            property(doc, props, "gradedAt", report.gradedAt());
            suite.appendChild(props);
            Counts counts = new Counts();
            for (GradeReport.TestResult t : e.tests()) {
                long millis = t.durationMillis() == null ? 0 : t.durationMillis();
                Element tc = testcase(doc, t.className() == null ? "grader." + e.id() : t.className(),
                        t.method() != null ? t.method() : t.name(), millis);
                counts.millis += millis;
                String message = ScoredPart.shownToLearners(t) ? t.message()
                        : "details not shown yet (shown " + t.visibility().replace('_', ' ') + ")";
                String body = t.trace() != null ? t.trace() : message;
                if (t.site() != null) {
                    body = "at " + t.site() + (body == null ? "" : "\n" + body);
                }
                switch (t.status()) {
                    case PASSED -> { }
                    case FAILED -> {
                        outcome(doc, tc, "failure", message == null ? "failed" : message, "AssertionError", body);
                        counts.failures++;
                    }
                    case NOT_RUN -> {
                        if (graderError) {
                            outcome(doc, tc, "error", message == null ? "not run: the grader failed" : message, "GraderError", body);
                            counts.errors++;
                        } else {
                            outcome(doc, tc, "skipped", message == null ? "not run" : message, null, null);
                            counts.skipped++;
                        }
                    }
                    case ABORTED, SKIPPED -> {
                        outcome(doc, tc, "skipped", message == null ? t.status().id() : message, null, null);
                        counts.skipped++;
                    }
                }
                counts.tests++;
                suite.appendChild(tc);
            }
            ModelVerdict v = e.verdict();
            if (v != null) {
                long millis = e.tests().stream().filter(t -> t.kind() == TestKind.MODEL && t.durationMillis() != null)
                        .mapToLong(GradeReport.TestResult::durationMillis).sum();
                Element tc = testcase(doc, "grader." + e.id() + ".model", "concurrency model: " + v.id(), millis);
                String text = parts.stream().filter(p -> p.exercise() == e && "model".equals(p.part()))
                        .findFirst().map(ScoredPart::feedback).orElse(v.summary());
                if (v.site() != null) {
                    text = "at " + v.site() + "\n" + text;
                }
                if (EarlyVerdicts.isGraderError(v)) {
                    outcome(doc, tc, "error", v.summary(), "GraderError", text);
                    counts.errors++;
                } else if (!v.expected()) {
                    outcome(doc, tc, "failure", v.summary(), v.id() + " (" + v.severity() + ")", text);
                    counts.failures++;
                }
                counts.tests++;
                suite.appendChild(tc);
            }
            counts.set(suite, false);
            all.add(counts);
            root.appendChild(suite);
        }
        all.set(root, true);
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static Element testcase(Document doc, String classname, String name, long millis) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("classname", xml(classname));
        tc.setAttribute("name", xml(name));
        tc.setAttribute("time", seconds(millis));
        return tc;
    }

    private static void outcome(Document doc, Element testcase, String kind, String message, String type, String body) {
        Element e = doc.createElement(kind);
        e.setAttribute("message", xml(ScoredPart.firstLine(message)));
        if (type != null) {
            e.setAttribute("type", xml(type));
        }
        if (body != null) {
            e.setTextContent(xml(body));
        }
        testcase.appendChild(e);
    }

    private static void property(Document doc, Element props, String name, String value) {
        if (value == null) {
            return;
        }
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", xml(value));
        props.appendChild(p);
    }

    /** Drops what XML 1.0 cannot carry at all (most control characters, lone surrogates), which learner output may hold. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
