package grader.starter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The starter's pom template follows the course build: the same JDK check, plugin versions and JUnit; and grades as README.md says. */
class StarterPomTest {
    static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    static Element starter;
    static Element course;

    @BeforeAll
    static void readBothPoms() throws Exception {
        try (InputStream in = StarterPomTest.class.getResourceAsStream("/grader/starter/starter-pom.xml")) {
            assertNotNull(in, "the template is on the class path");
            starter = parse(in).getDocumentElement();
        }
        try (InputStream in = java.nio.file.Files.newInputStream(REPO.resolve("pom.xml"))) {
            course = parse(in).getDocumentElement();
        }
    }

    @Test
    void theJdkAndMavenChecksAreTheCourseBuildsOwnWordForWord() {
        Element mine = execution(starter, "maven-enforcer-plugin", "enforce-maven");
        Element theirs = execution(course, "maven-enforcer-plugin", "enforce-maven");
        assertAll(
                () -> assertEquals(normalized(child(theirs, "configuration")), normalized(child(mine, "configuration"))),
                () -> assertTrue(mine.getTextContent().contains("No JDK 21 or newer was found.")));
    }

    @Test
    void theJdkIsSelectedAsTheCourseBuildSelectsIt() {
        Element mine = plugin(starter, "maven-toolchains-plugin");
        assertAll(
                () -> assertEquals(version(course, "maven-toolchains-plugin"), text(mine, "version")),
                () -> assertEquals("select-jdk-toolchain", text(execution(starter, "maven-toolchains-plugin", "select-jdk"), "goals/goal")),
                () -> assertEquals("${grader.jdk.range}", text(mine, "configuration/version")),
                () -> assertEquals("Never", text(mine, "configuration/useJdk"),
                        "a toolchain even when Maven runs on a JDK 21+, or the grading step's java is the PATH's"),
                () -> assertEquals(text(course, "properties/grader.jdk.range"), text(starter, "properties/grader.jdk.range")),
                () -> assertEquals(text(course, "properties/maven.compiler.release"), text(starter, "properties/maven.compiler.release")));
    }

    @Test
    void everyPluginAndJUnitHaveTheCourseBuildsVersions() {
        List<String> checked = new ArrayList<>();
        for (Element p : plugins(starter)) {
            String id = text(p, "artifactId");
            if (text(p, "version") != null) {
                assertEquals(version(course, id), text(p, "version"), id);
                checked.add(id);
            }
        }
        assertAll(
                () -> assertTrue(checked.containsAll(List.of("maven-compiler-plugin", "exec-maven-plugin", "maven-enforcer-plugin")), checked::toString),
                () -> assertEquals(text(course, "properties/junit.version"), text(starter, "properties/junit.version")));
    }

    @Test
    void itGradesExercisesWithoutHiddenTestsAsTheLastStepAndFailsWithTheGradersLine() {
        Element grade = execution(starter, "exec-maven-plugin", "grade-your-exercises");
        Element outcome = execution(starter, "maven-antrun-plugin", "your-exercises-outcome");
        Element fullMarks = execution(starter, "maven-enforcer-plugin", "full-marks");
        List<String> args = new ArrayList<>();
        for (Element a : children(child(child(grade, "configuration"), "arguments"))) {
            args.add(a.getTextContent());
        }
        assertAll(
                () -> assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "${project.basedir}/../lib/grader.jar", "grade", "${project.basedir}", "--no-hidden",
                        "--report-dir", "${project.build.directory}/grader", "--exercise=${exercise}"), args),
                () -> assertEquals("", text(starter, "properties/exercise"), "every exercise unless -Dexercise names some"),
                () -> assertEquals("java", text(grade, "configuration/executable"), "toolchain-aware"),
                () -> assertEquals("${session.executionRootDirectory}", text(grade, "configuration/workingDirectory"),
                        "the paths it prints are relative to where mvn was started"),
                () -> assertEquals("integration-test", text(grade, "phase"), "before the check in verify"),
                () -> assertEquals("post-integration-test", text(outcome, "phase")),
                () -> assertEquals("verify", text(fullMarks, "phase")),
                () -> assertTrue(text(fullMarks, "configuration/rules/evaluateBeanshell/condition").contains("${project.build.directory}/grader/outcome.txt")),
                () -> assertEquals("${learner.outcomeLine}", text(fullMarks, "configuration/rules/evaluateBeanshell/message")),
                () -> assertEquals("learner.outcomeLine", ((Element) outcome.getElementsByTagNameNS("*", "loadfile").item(0)).getAttribute("property"),
                        "the line is read from outcome.txt"),
                () -> assertEquals("true", text(starter, "properties/maven.main.skip"), "Maven compiles nothing: the grader does, exercise by exercise"),
                () -> assertEquals("${" + ExercisesPom.GRADE_SKIP + "}", text(grade, "configuration/skip")),
                () -> assertEquals("${" + ExercisesPom.GRADE_SKIP + "}", text(fullMarks, "configuration/skip")),
                () -> assertEquals("true", text(starter, "properties/" + ExercisesPom.GRADE_SKIP), "the root itself is not graded"),
                () -> assertEquals("exercises", text(starter, "modules/module")));
    }

    @Test
    void theCourseBuildGradesExercisesTheSameWayAndLast() throws Exception {
        Element mine = execution(starter, "exec-maven-plugin", "grade-your-exercises");
        Element theirs = learnerProfileExecution("exec-maven-plugin", "grade-your-exercises");
        // The course build names its modules per profile: every one that builds the grader builds exercises/ last, and
        // the learner's own profile builds exercises/ alone (the grader is used as built).
        List<org.junit.jupiter.api.function.Executable> lastEverywhere = new ArrayList<>();
        for (String id : List.of("all", "grader-not-built", "grader-rebuild", "grade")) {
            List<String> modules = modules(id);
            lastEverywhere.add(() -> assertEquals("exercises", modules.get(modules.size() - 1),
                    "profile " + id + ": graded last, so a failure there is the learner's"));
        }
        assertAll(lastEverywhere);
        assertAll(
                () -> assertEquals(List.of("exercises"), modules("learner"), "the learner's loop never rebuilds the grader"),
                () -> assertEquals(text(mine, "phase"), text(theirs, "phase")),
                () -> assertEquals(text(mine, "configuration/workingDirectory"), text(theirs, "configuration/workingDirectory")),
                () -> assertEquals("${learner.outcomeLine}", text(learnerProfileExecution("maven-enforcer-plugin", "full-marks"),
                        "configuration/rules/evaluateBeanshell/message")),
                () -> assertTrue(normalized(theirs).contains("--exercise=${exercise}")));
    }

    static List<String> modules(String profileId) {
        for (Element profile : children(child(course, "profiles"))) {
            if (profileId.equals(text(profile, "id"))) {
                return children(child(profile, "modules")).stream().map(Node::getTextContent).toList();
            }
        }
        throw new AssertionError("no profile " + profileId + " in the course build");
    }

    static Element learnerProfileExecution(String plugin, String id) {
        for (Element profile : children(child(course, "profiles"))) {
            if ("learner".equals(text(profile, "id"))) {
                for (Element p : children(child(child(profile, "build"), "plugins"))) {
                    if (plugin.equals(text(p, "artifactId"))) {
                        for (Element e : children(child(p, "executions"))) {
                            if (id.equals(text(e, "id"))) {
                                return e;
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no execution " + id + " of " + plugin + " in the course build's learner profile");
    }

    @Test
    void itNamesNothingTheCourseKeeps() {
        String all = starter.getTextContent() + normalized(starter);
        assertAll(
                () -> assertFalse(all.contains("solutions")),
                () -> assertFalse(all.contains("hidden.jar")),
                () -> assertFalse(all.contains("grader/target")));
    }

    static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(in);
    }

    /** Every {@code <plugin>} of the build and of its plugin management. */
    static List<Element> plugins(Element project) {
        List<Element> all = new ArrayList<>();
        Element build = child(project, "build");
        for (Element container : List.of(build, child(build, "pluginManagement"))) {
            Element plugins = container == null ? null : child(container, "plugins");
            if (plugins != null) {
                all.addAll(children(plugins));
            }
        }
        return all;
    }

    static Element plugin(Element project, String artifactId) {
        return plugins(project).stream().filter(p -> artifactId.equals(text(p, "artifactId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin " + artifactId));
    }

    static String version(Element project, String artifactId) {
        Map<String, String> versions = new HashMap<>();
        for (Element p : plugins(project)) {
            if (text(p, "version") != null) {
                versions.put(text(p, "artifactId"), text(p, "version"));
            }
        }
        return versions.get(artifactId);
    }

    static Element execution(Element project, String artifactId, String id) {
        return children(child(plugin(project, artifactId), "executions")).stream().filter(e -> id.equals(text(e, "id")))
                .findFirst().orElseThrow(() -> new AssertionError("no execution " + id + " of " + artifactId));
    }

    /** The text at a slash-separated path of child elements, or null. */
    static String text(Element from, String path) {
        Element e = from;
        for (String name : path.split("/")) {
            e = e == null ? null : child(e, name);
        }
        return e == null ? null : e.getTextContent().trim();
    }

    static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> name.equals(e.getLocalName())).findFirst().orElse(null);
    }

    static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    /** Elements, comments and text with runs of whitespace made one space. */
    static String normalized(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            switch (c.getNodeType()) {
                case Node.ELEMENT_NODE -> b.append('<').append(c.getLocalName()).append('>').append(normalized(c)).append("</>");
                case Node.COMMENT_NODE -> b.append("<!--").append(c.getNodeValue()).append("-->");
                default -> b.append(c.getNodeValue() == null ? "" : c.getNodeValue());
            }
        }
        return b.toString().replaceAll("\\s+", " ").trim();
    }
}
