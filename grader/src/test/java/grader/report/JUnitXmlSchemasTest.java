package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** TEST-grader.xml against the constraints of Jenkins xUnit's junit-10.xsd and, per testsuite, Surefire's XSD ({@link JUnitSchemas}). */
class JUnitXmlSchemasTest {

    static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Document render(GradeReport report, Audience audience) throws Exception {
        return parse(Exporters.byId("junit").orElseThrow().render(report, audience));
    }

    static List<String> surefire(Document doc) {
        List<String> out = new java.util.ArrayList<>();
        NodeList suites = doc.getDocumentElement().getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            out.addAll(JUnitSchemas.violations((Element) suites.item(i), JUnitSchemas.SUREFIRE_3));
        }
        return out;
    }

    @Test
    void everySampleReportIsValidAgainstBothDefinitionsForBothAudiences() throws Exception {
        for (GradeReport report : List.of(SampleReports.fullMarks(), SampleReports.belowFullMarks(), SampleReports.graderError())) {
            for (Audience audience : Audience.values()) {
                Document doc = render(report, audience);
                assertAll(report.score() + " " + audience,
                        () -> assertEquals(List.of(), JUnitSchemas.violations(doc.getDocumentElement(), JUnitSchemas.JUNIT_10)),
                        () -> assertEquals(List.of(), surefire(doc)));
            }
        }
    }

    /** The checks can fail: the shapes the issue found rejected are rejected here too. */
    @Test
    void theConstraintsRejectWhatTheSchemasReject() throws Exception {
        Document old = parse("""
                <testsuites name="grader" tests="1" failures="0" errors="0" skipped="0" time="0">
                  <testsuite name="grader.fetch" tests="1" failures="0" errors="0" skipped="0" time="0" timestamp="2026-01-01T00:00:00Z">
                    <testcase classname="a" name="b" file="src/main/java/A.java" line="3"/>
                  </testsuite>
                </testsuites>""".getBytes(StandardCharsets.UTF_8));
        assertAll(
                () -> assertEquals(List.of("/testsuites: attribute skipped not allowed",
                        "/testsuites/testsuite[grader.fetch]/testcase[b]: attribute file not allowed",
                        "/testsuites/testsuite[grader.fetch]/testcase[b]: attribute line not allowed"),
                        JUnitSchemas.violations(old.getDocumentElement(), JUnitSchemas.JUNIT_10)),
                () -> assertEquals(List.of("/testsuite/testcase[b]: attribute file not allowed", "/testsuite/testcase[b]: attribute line not allowed",
                        "/testsuite/testcase[b]: attribute time required", "/testsuite: attribute timestamp not allowed"),
                        surefire(old).stream().sorted().toList()));
        Document badOrder = parse("""
                <testsuite name="s" tests="1" failures="1" errors="0" skipped="0">
                  <testcase name="b" time="1,5"><skipped/><failure message="m"/></testcase>
                  <properties/>
                </testsuite>""".getBytes(StandardCharsets.UTF_8));
        List<String> v = JUnitSchemas.violations(badOrder.getDocumentElement(), JUnitSchemas.SUREFIRE_3);
        assertAll(String.join("\n", v),
                () -> assertTrue(v.contains("/testsuite: child properties not allowed here")),
                () -> assertTrue(v.contains("/testsuite/testcase[b]: child failure not allowed here")),
                () -> assertTrue(v.contains("/testsuite/testcase[b]: time '1,5' does not match " + "(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]{0,3})?")));
    }

    @Test
    void aFailingTestcaseWithALearnersLineStartsItsTextWithThatFrameAndHasItsTime() throws Exception {
        Document doc = render(SampleReports.belowFullMarks(), Audience.LEARNER);
        Element rejectsNull = null;
        Element model = null;
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element tc = (Element) cases.item(i);
            if ("rejectsNull".equals(tc.getAttribute("name"))) {
                rejectsNull = tc;
            } else if (tc.getAttribute("name").startsWith("concurrency model: virtual-threads")) {
                model = tc;
            }
        }
        Element failing = rejectsNull;
        Element verdict = model;
        assertAll(
                () -> assertTrue(failing.getElementsByTagName("failure").item(0).getTextContent()
                        .startsWith("at course.fetch.StatusFetcher.fetch(StatusFetcher.java:23)\n")),
                () -> assertTrue(verdict.getElementsByTagName("failure").item(0).getTextContent()
                        .startsWith("at course.fetch.StatusFetcher.fetchAll(StatusFetcher.java:44)\n")),
                () -> assertTrue(Double.parseDouble(failing.getAttribute("time")) >= 0.3, failing.getAttribute("time")),
                () -> assertEquals("0.312", failing.getAttribute("time")));
    }
}
