package grader.starter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The course's {@code exercises/pom.xml}, made a module of the starter: its parent becomes the starter's root
 * {@code pom.xml} (which holds the JDK selection and the grading step) and it sets the property that turns grading
 * on for this module. Everything else (dependencies, plugins, comments, layout) is kept as it is.
 */
final class ExercisesPom {
    /** The root's property that skips grading; the root sets it to {@code true}, the exercises module to {@code false}. */
    static final String GRADE_SKIP = "learner.grade.skip";

    private static final Pattern ROOT_TAG = Pattern.compile("<project\\b[^>]*>");

    /** A Maven project's coordinates. */
    record Coordinates(String groupId, String artifactId, String version) {}

    private ExercisesPom() {}

    /** {@return the {@code groupId}, {@code artifactId} and {@code version} declared by {@code pomXml}} */
    static Coordinates coordinatesOf(String pomXml) {
        Element project = parse(pomXml, Path.of("pom.xml")).getDocumentElement();
        return new Coordinates(text(project, "groupId"), text(project, "artifactId"), text(project, "version"));
    }

    /**
     * Makes the exercises' pom a module of the starter.
     *
     * @param pomXml the course's {@code exercises/pom.xml}
     * @param source where it was read from, for error messages
     * @param parent the starter root's coordinates, which become the {@code <parent>}
     * @return the adapted pom, with {@link #GRADE_SKIP} set to {@code false}
     * @throws StarterException if it is not a pom with a {@code <parent>}
     */
    static String adapt(String pomXml, Path source, Coordinates parent) {
        Document doc = parse(pomXml, source);
        Element project = doc.getDocumentElement();
        Element parentElement = child(project, "parent");
        if (parentElement == null) {
            throw new StarterException(source + " has no <parent>: the exercises must be a module of the course's build", source);
        }
        String indent = indentBefore(parentElement);
        setText(parentElement, "groupId", parent.groupId());
        setText(parentElement, "artifactId", parent.artifactId());
        setText(parentElement, "version", parent.version());
        Element relativePath = child(parentElement, "relativePath");
        if (relativePath != null) {
            // The starter's root is the default ../pom.xml.
            parentElement.removeChild(relativePath);
        }

        Element properties = child(project, "properties");
        if (properties == null) {
            properties = doc.createElementNS(project.getNamespaceURI(), "properties");
            properties.appendChild(doc.createTextNode(indent));
            Node before = firstChild(project, "dependencyManagement", "dependencies", "build", "profiles");
            project.insertBefore(doc.createTextNode(indent), before);
            project.insertBefore(properties, before);
        }
        Element skip = child(properties, GRADE_SKIP);
        if (skip == null) {
            String inner = indent + indent.substring(1);
            Node at = isWhitespace(properties.getLastChild()) ? properties.getLastChild() : null;
            properties.insertBefore(doc.createTextNode(inner), at);
            properties.insertBefore(doc.createComment(" The starter's root grades this module (and only this one). "), at);
            properties.insertBefore(doc.createTextNode(inner), at);
            skip = doc.createElementNS(project.getNamespaceURI(), GRADE_SKIP);
            properties.insertBefore(skip, at);
            if (at == null) {
                properties.appendChild(doc.createTextNode(indent));
            }
        }
        skip.setTextContent("false");
        return keepRootTag(pomXml, write(doc));
    }

    /** The transformer writes the root's attributes on one line; the original's line breaks read better. */
    private static String keepRootTag(String original, String written) {
        Matcher before = ROOT_TAG.matcher(original);
        Matcher after = ROOT_TAG.matcher(written);
        if (!before.find() || !after.find()) {
            return written;
        }
        return written.substring(0, after.start()) + before.group() + written.substring(after.end());
    }

    private static Document parse(String xml, Path source) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new StarterException(source + " is not a readable pom: " + e.getMessage(), source);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
    }

    private static String write(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            // Written by hand below: the JDK's transformer puts no line break after the declaration.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            String body = out.toString();
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body + (body.endsWith("\n") ? "" : "\n");
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the adapted exercises pom", e);
        }
    }

    /** The whitespace before {@code e}, or a line break and two spaces. */
    private static String indentBefore(Element e) {
        Node prev = e.getPreviousSibling();
        if (isWhitespace(prev)) {
            String ws = prev.getTextContent();
            int lastBreak = ws.lastIndexOf('\n');
            if (lastBreak >= 0 && lastBreak < ws.length() - 1) {
                return ws.substring(lastBreak);
            }
        }
        return "\n  ";
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The whitespace before the first of {@code names} (or before the closing tag): what goes in front of it keeps
     * the element that follows on its own line.
     */
    private static Node firstChild(Element parent, String... names) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && List.of(names).contains(e.getLocalName())) {
                return whitespaceBefore(e);
            }
        }
        Node last = parent.getLastChild();
        return isWhitespace(last) ? last : null;
    }

    private static Node whitespaceBefore(Node n) {
        Node prev = n.getPreviousSibling();
        return isWhitespace(prev) ? prev : n;
    }

    private static boolean isWhitespace(Node n) {
        return n != null && n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank();
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static void setText(Element parent, String name, String value) {
        Element e = child(parent, name);
        if (e == null) {
            e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
            parent.appendChild(e);
        }
        e.setTextContent(value);
    }
}
