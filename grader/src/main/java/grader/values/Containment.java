package grader.values;

/**
 * The layer that contained the learner's code in one grading, as report.json, the console and the HTML say it.
 *
 * @param layer     {@value #NAMESPACES} (the operating system's: Linux namespaces through bubblewrap) or
 *                  {@value #JVM} (the agent's defences and the grader's clean-up only)
 * @param requested the {@code --isolation} value: auto, namespaces or jvm
 * @param why       what this layer covers, and under auto why it was chosen
 */
public record Containment(String layer, String requested, String why) {
    public static final String NAMESPACES = "namespaces";
    public static final String JVM = "jvm";

    /** {@return whether the test JVM ran inside the operating system's sandbox} */
    public boolean namespaces() {
        return NAMESPACES.equals(layer);
    }
}
