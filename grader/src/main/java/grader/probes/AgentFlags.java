package grader.probes;

import java.util.List;

/**
 * The JVM flags a test JVM needs next to {@code -javaagent:grader-agent.jar}, so that the agent adds no line to the
 * learner's stdout or stderr. Checked on JDK 25; each flag is also valid on JDK 21.
 */
public final class AgentFlags {
    private AgentFlags() {}

    /**
     * <ul>
     *   <li>{@code -XX:-PrintWarnings}: the agent appends its one bootstrap class to the bootstrap class path at
     *       run time, and HotSpot then prints "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot
     *       loader classes because bootstrap classpath has been appended" to stderr. That line comes from HotSpot's
     *       {@code warning()}, which {@code -Xlog} does not control; this flag silences it (and every other
     *       HotSpot {@code warning()}, none of which concerns the learner). {@code -Xshare:off} would silence it too,
     *       but then the JDK's own classes lose class data sharing as well, a slower start for every test JVM.</li>
     * </ul>
     * Byte Buddy's {@code sun.misc.Unsafe} deprecation warnings (JDK 24+) need no flag: the agent sets its relocated
     * {@code grader.agent.shaded.bytebuddy.safe} property itself before Byte Buddy starts.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:-PrintWarnings");
}
