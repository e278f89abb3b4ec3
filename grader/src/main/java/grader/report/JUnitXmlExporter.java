package grader.report;

import grader.verdict.ModelVerdict;
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
 * a {@code testsuite} per exercise (its score, maximum, formula and verdict as properties), a
 * {@code testcase} per test, and one more per exercise for the concurrency-model verdict, which fails
 * unless the verdict is an expected one.
 *
 * <p>Statuses: failed becomes {@code failure}; aborted and skipped become {@code skipped}; a test that
 * did not run is {@code skipped} with the reason, or an {@code error} when the grader itself failed (as
 * is the verdict's test case then). Only tests the report marks {@code visible} carry their message
 * and trace: a CI page has no "after the due date". Times are 0: the report records no durations.
 */
final class JUnitXmlExporter implements Exporter {
    static final String FILE = "TEST-grader.xml";

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public String id() {
        return "junit";
    }

    @Override
    public String description() {
        return FILE + ": JUnit XML (Surefire's shape) for CI test reports";
    }

    @Override
    public Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir, FILE, render(report));
    }

    /** Counts of one suite, or of all of them. */
    private static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;

        void set(Element e) {
            e.setAttribute("tests", String.valueOf(tests));
            e.setAttribute("failures", String.valueOf(failures));
            e.setAttribute("errors", String.valueOf(errors));
            e.setAttribute("skipped", String.valueOf(skipped));
            e.setAttribute("time", "0");
        }

        void add(Counts c) {
            tests += c.tests;
            failures += c.failures;
            errors += c.errors;
            skipped += c.skipped;
        }
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
            if (report.gradedAt() != null) {
                suite.setAttribute("timestamp", report.gradedAt());
            }
            Element props = doc.createElement("properties");
            property(doc, props, "score", Scores.format(e.score()));
            property(doc, props, "maxScore", Scores.format(e.maxScore()));
            property(doc, props, "formula", e.formula());
            property(doc, props, "verdict", e.verdict() == null ? null : e.verdict().id());
            property(doc, props, "reportScore", Scores.format(report.score()));
            property(doc, props, "reportMaxScore", Scores.format(report.maxScore()));
            suite.appendChild(props);
            Counts counts = new Counts();
            for (GradeReport.TestResult t : e.tests()) {
                Element tc = testcase(doc, t.className() == null ? "grader." + e.id() : t.className(),
                        t.method() != null ? t.method() : t.name());
                boolean shown = ScoredPart.shownToLearners(t);
                String message = shown ? t.message()
                        : t.message() == null ? null : "details not shown yet (visibility " + t.visibility() + ")";
                String body = shown && t.trace() != null ? t.trace() : message;
                switch (t.status()) {
                    case "passed" -> { }
                    case "failed" -> {
                        outcome(doc, tc, "failure", message == null ? "failed" : message, "AssertionError", body);
                        counts.failures++;
                    }
                    case "not-run" -> {
                        if (graderError) {
                            outcome(doc, tc, "error", message == null ? "not run: the grader failed" : message, "GraderError", body);
                            counts.errors++;
                        } else {
                            outcome(doc, tc, "skipped", message == null ? "not run" : message, null, null);
                            counts.skipped++;
                        }
                    }
                    default -> { // aborted, skipped
                        outcome(doc, tc, "skipped", message == null ? t.status() : message, null, null);
                        counts.skipped++;
                    }
                }
                counts.tests++;
                suite.appendChild(tc);
            }
            ModelVerdict v = e.verdict();
            if (v != null) {
                Element tc = testcase(doc, "grader." + e.id() + ".model", "concurrency model: " + v.id());
                String text = parts.stream().filter(p -> p.exercise() == e && "model".equals(p.part()))
                        .findFirst().map(ScoredPart::feedback).orElse(v.summary());
                if ("grader-error".equals(v.id())) {
                    outcome(doc, tc, "error", v.summary(), "GraderError", text);
                    counts.errors++;
                } else if (!v.expected()) {
                    outcome(doc, tc, "failure", v.summary(), v.id() + " (" + v.severity() + ")", text);
                    counts.failures++;
                }
                counts.tests++;
                suite.appendChild(tc);
            }
            counts.set(suite);
            all.add(counts);
            root.appendChild(suite);
        }
        all.set(root);
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

    private static Element testcase(Document doc, String classname, String name) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("classname", xml(classname));
        tc.setAttribute("name", xml(name));
        tc.setAttribute("time", "0");
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
