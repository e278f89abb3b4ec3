package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** TEST-grader.xml, parsed back with the JDK's DOM parser. */
class JUnitXmlExporterTest {

    static Document written(GradeReport report, Path dir) throws Exception {
        Path file = Exporters.byId("junit").orElseThrow().write(report, dir, Audience.LEARNER);
        assertEquals(dir.resolve("TEST-grader.xml"), file);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    static Element suite(Document doc, String name) {
        for (Element s : elements(doc.getElementsByTagName("testsuite"))) {
            if (s.getAttribute("name").equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no testsuite " + name);
    }

    static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static Element testcase(Element suite, String name) {
        return elements(suite.getElementsByTagName("testcase")).stream().filter(t -> t.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + name));
    }

    static int count(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }

    static String property(Element suite, String name) {
        return elements(suite.getElementsByTagName("property")).stream().filter(p -> p.getAttribute("name").equals(name))
                .map(p -> p.getAttribute("value")).findFirst().orElseThrow();
    }

    @Test
    void countsPerSuiteMatchTheTestcasesAndAddUpAtTheRoot(@TempDir Path dir) throws Exception {
        Document doc = written(SampleReports.belowFullMarks(), dir);
        Element fetch = suite(doc, "grader.fetch");
        Element compute = suite(doc, "grader.compute");
        Element root = doc.getDocumentElement();
        assertAll(
                () -> assertEquals("testsuites", root.getTagName()),
                // fetch: 6 tests and the verdict; failures: rejectsNull, the model check, the hidden test, the verdict
                () -> assertEquals(7, count(fetch, "tests")),
                () -> assertEquals(4, count(fetch, "failures")),
                () -> assertEquals(2, count(fetch, "skipped"), "aborted and skipped"),
                () -> assertEquals(0, count(fetch, "errors")),
                // compute: 3 tests not run (skipped) and the compile-error verdict (failure)
                () -> assertEquals(4, count(compute, "tests")),
                () -> assertEquals(1, count(compute, "failures")),
                () -> assertEquals(3, count(compute, "skipped")),
                () -> assertEquals(11, count(root, "tests")),
                () -> assertEquals(5, count(root, "failures")),
                () -> assertFalse(root.hasAttribute("skipped"), "junit-10.xsd allows no skipped on testsuites"),
                () -> assertEquals(5, count(fetch, "skipped") + count(compute, "skipped")),
                () -> assertEquals(0, count(root, "errors")),
                () -> assertEquals(7, fetch.getElementsByTagName("testcase").getLength()),
                () -> assertEquals(4, fetch.getElementsByTagName("failure").getLength()));
    }

    @Test
    void everyTestcaseHasClassnameNameAndTimeAndEveryOutcomeAMessage(@TempDir Path dir) throws Exception {
        Document doc = written(SampleReports.belowFullMarks(), dir);
        for (Element tc : elements(doc.getElementsByTagName("testcase"))) {
            assertAll(() -> assertFalse(tc.getAttribute("classname").isEmpty()), () -> assertFalse(tc.getAttribute("name").isEmpty()),
                    () -> assertTrue(tc.getAttribute("time").matches("[0-9]+\\.[0-9]{3}"), tc.getAttribute("time")));
        }
        for (String tag : List.of("failure", "skipped")) {
            for (Element e : elements(doc.getElementsByTagName(tag))) {
                assertFalse(e.getAttribute("message").isEmpty(), tag + " without a message");
            }
        }
    }

    @Test
    void theVerdictIsATestcaseThatFailsUnlessExpected(@TempDir Path dir) throws Exception {
        Document full = written(SampleReports.fullMarks(), dir.resolve("full"));
        Document partial = written(SampleReports.belowFullMarks(), dir.resolve("partial"));
        Element passing = testcase(suite(full, "grader.fetch"), "concurrency model: fixed-pool");
        Element failing = testcase(suite(partial, "grader.fetch"), "concurrency model: virtual-threads");
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertAll(
                () -> assertEquals(0, passing.getElementsByTagName("*").getLength(), "a passing testcase has no outcome element"),
                () -> assertEquals("grader.fetch.model", failing.getAttribute("classname")),
                () -> assertTrue(failure.getAttribute("message").startsWith("Your 12 requests ran on 12 virtual threads")),
                () -> assertEquals("virtual-threads (warn)", failure.getAttribute("type")),
                () -> assertTrue(failure.getTextContent().contains("hint: Use Executors.newFixedThreadPool(maxWorkers).")));
    }

    @Test
    void suitesCarryTheReportsScoresAsProperties(@TempDir Path dir) throws Exception {
        Element fetch = suite(written(SampleReports.belowFullMarks(), dir), "grader.fetch");
        assertAll(
                () -> assertEquals("10.32", property(fetch, "score")),
                () -> assertEquals("15", property(fetch, "maxScore")),
                () -> assertEquals("10.32", property(fetch, "reportScore")),
                () -> assertEquals("30", property(fetch, "reportMaxScore")),
                () -> assertEquals("virtual-threads", property(fetch, "verdict")));
    }

    @Test
    void aLearnersMarkupAndControlCharactersStillParse(@TempDir Path dir) throws Exception {
        Element failure = (Element) testcase(suite(written(SampleReports.belowFullMarks(), dir), "grader.fetch"), "rejectsNull")
                .getElementsByTagName("failure").item(0);
        assertAll(
                () -> assertTrue(failure.getAttribute("message").contains("expected <1> & got \"2\""), failure.getAttribute("message")),
                () -> assertTrue(failure.getAttribute("message").contains("🧵")),
                () -> assertFalse(failure.getAttribute("message").contains("\u0000")));
    }

    @Test
    void testsThatAreNotVisibleYetKeepTheirStatusButNotTheirMessage(@TempDir Path dir) throws Exception {
        Element failure = (Element) testcase(suite(written(SampleReports.belowFullMarks(), dir), "grader.fetch"), "secretCase")
                .getElementsByTagName("failure").item(0);
        assertAll(
                () -> assertEquals("details not shown yet (shown after due date)", failure.getAttribute("message")),
                () -> assertFalse(failure.getTextContent().contains("hidden message")),
                () -> assertFalse(failure.getTextContent().contains("StatusFetcher.java:31"), "nor its line"));
    }

    @Test
    void whenTheGraderFailedTestsThatDidNotRunAreErrors(@TempDir Path dir) throws Exception {
        Element fetch = suite(written(SampleReports.graderError(), dir), "grader.fetch");
        assertAll(
                () -> assertEquals(3, count(fetch, "tests")),
                () -> assertEquals(3, count(fetch, "errors"), "two tests that did not run and the grader-error verdict"),
                () -> assertEquals(0, count(fetch, "failures")),
                () -> assertEquals(0, count(fetch, "skipped")));
    }
}
