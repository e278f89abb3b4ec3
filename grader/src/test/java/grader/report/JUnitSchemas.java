package grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The constraints of the two JUnit XML definitions strict consumers validate against, written down here from the
 * published schemas (not copied): per element, the attributes allowed and required, the child elements allowed (and,
 * where the schema has a sequence, their order and how many), and the pattern of {@code time}.
 * <ul>
 *   <li>Jenkins xUnit plugin's {@code junit-10.xsd} (jenkinsci/xunit-plugin,
 *       {@code src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd}): root {@code testsuites}
 *       with name, time, tests, failures, errors only;</li>
 *   <li>Maven Surefire's {@code surefire-test-report-3.0.xsd} (apache/maven-surefire,
 *       {@code maven-surefire-plugin/src/site/resources/xsd/}), whose root is one {@code testsuite}: each of ours
 *       is checked as such.</li>
 * </ul>
 */
final class JUnitSchemas {
    /** One element's rules. {@code sequence} null: children in any order and number (an unbounded choice). */
    record Rule(Set<String> attributes, Set<String> required, List<Child> sequence, Set<String> children, Pattern time) {}

    /** A child in a sequence, at most {@code max} times. */
    record Child(String name, int max) {}

    private static final int MANY = Integer.MAX_VALUE;
    private static final Pattern JUNIT10_TIME = Pattern.compile("(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]*)?");
    private static final Pattern SUREFIRE_TIME = Pattern.compile("(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]{0,3})?");

    private static final Set<String> OUTCOME = Set.of("type", "message");

    static final Map<String, Rule> JUNIT_10 = Map.of(
            "testsuites", new Rule(Set.of("name", "time", "tests", "failures", "errors"), Set.of(), null, Set.of("testsuite"), JUNIT10_TIME),
            "testsuite", new Rule(Set.of("name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id",
                    "package", "file", "log", "url"), Set.of("name", "tests", "failures", "errors"), null,
                    Set.of("testsuite", "properties", "testcase", "system-out", "system-err"), JUNIT10_TIME),
            "properties", new Rule(Set.of(), Set.of(), null, Set.of("property"), null),
            "property", new Rule(Set.of("name", "value"), Set.of("name", "value"), null, Set.of(), null),
            "testcase", new Rule(Set.of("name", "time", "classname", "group"), Set.of("name"), null,
                    Set.of("skipped", "error", "failure", "rerunFailure", "rerunError", "flakyFailure", "flakyError", "system-out",
                            "system-err"), null),
            "failure", new Rule(OUTCOME, Set.of(), null, Set.of(), null),
            "error", new Rule(OUTCOME, Set.of(), null, Set.of(), null),
            "skipped", new Rule(OUTCOME, Set.of(), null, Set.of(), null));

    static final Map<String, Rule> SUREFIRE_3 = Map.of(
            "testsuite", new Rule(Set.of("version", "name", "time", "tests", "errors", "skipped", "failures", "group"),
                    Set.of("name", "tests", "errors", "skipped", "failures"),
                    List.of(new Child("properties", MANY), new Child("testcase", MANY)), null, SUREFIRE_TIME),
            "properties", new Rule(Set.of(), Set.of(), List.of(new Child("property", MANY)), null, null),
            "property", new Rule(Set.of("name", "value"), Set.of("name", "value"), List.of(), null, null),
            "testcase", new Rule(Set.of("name", "classname", "group", "time"), Set.of("name", "time"),
                    List.of(new Child("failure", MANY), new Child("rerunFailure", MANY), new Child("flakyFailure", MANY),
                            new Child("skipped", 1), new Child("error", 1), new Child("rerunError", MANY), new Child("flakyError", MANY),
                            new Child("system-out", 1), new Child("system-err", 1)), null, SUREFIRE_TIME),
            "failure", new Rule(OUTCOME, Set.of("type"), List.of(), null, null),
            "error", new Rule(OUTCOME, Set.of("type"), List.of(), null, null),
            "skipped", new Rule(Set.of("message"), Set.of(), List.of(), null, null));

    private JUnitSchemas() {}

    /** {@return every way {@code root} and what is under it break {@code rules}; empty when it is valid} */
    static List<String> violations(Element root, Map<String, Rule> rules) {
        List<String> out = new ArrayList<>();
        check(root, rules, "/" + root.getTagName(), out);
        return out;
    }

    private static void check(Element e, Map<String, Rule> rules, String path, List<String> out) {
        Rule rule = rules.get(e.getTagName());
        if (rule == null) {
            out.add(path + ": element not defined");
            return;
        }
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            String name = e.getAttributes().item(i).getNodeName();
            if (!rule.attributes().contains(name)) {
                out.add(path + ": attribute " + name + " not allowed");
            }
        }
        for (String name : rule.required()) {
            if (!e.hasAttribute(name)) {
                out.add(path + ": attribute " + name + " required");
            }
        }
        if (rule.time() != null && e.hasAttribute("time") && !rule.time().matcher(e.getAttribute("time")).matches()) {
            out.add(path + ": time '" + e.getAttribute("time") + "' does not match " + rule.time());
        }
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                children.add(c);
            }
        }
        if (rule.sequence() == null) {
            children.stream().filter(c -> !rule.children().contains(c.getTagName()))
                    .forEach(c -> out.add(path + ": child " + c.getTagName() + " not allowed"));
        } else {
            int at = 0;
            int times = 0;
            for (Element c : children) {
                int index = -1;
                for (int i = at; i < rule.sequence().size(); i++) {
                    if (rule.sequence().get(i).name().equals(c.getTagName())) {
                        index = i;
                        break;
                    }
                }
                if (index < 0) {
                    out.add(path + ": child " + c.getTagName() + " not allowed here");
                    continue;
                }
                times = index == at ? times + 1 : 1;
                at = index;
                if (times > rule.sequence().get(index).max()) {
                    out.add(path + ": child " + c.getTagName() + " more than " + rule.sequence().get(index).max() + " time(s)");
                }
            }
        }
        for (Element c : children) {
            check(c, rules, path + "/" + c.getTagName() + (c.hasAttribute("name") ? "[" + c.getAttribute("name") + "]" : ""), out);
        }
    }
}
