package grader.launch;

import grader.values.Containment;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What contains the test JVM and every process it starts ({@code --isolation}).
 *
 * <ul>
 *   <li>{@link #NAMESPACES}: the operating system's layer, Linux namespaces through bubblewrap ({@code bwrap}): a PID
 *       namespace (every process the learner starts, double forks and {@code setsid} included, ends with the JVM; the
 *       grader is not visible), loopback-only network, no capabilities, a read-only file system except the grading's
 *       private temporary folder, the grader's home and work folders and other submissions masked. Where it can't be
 *       had the grading fails and says why.</li>
 *   <li>{@link #JVM}: the agent's own defences only; see {@link Sessions} for what the grader still ends.</li>
 *   <li>{@link #AUTO}: namespaces where this machine has them, else jvm, and the report says which and why.</li>
 * </ul>
 */
public enum Isolation {
    AUTO, NAMESPACES, JVM;

    /** {@return the option's spelling: auto, namespaces or jvm} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the value and the known ones
     */
    public static Isolation parse(String text) {
        for (Isolation i : values()) {
            if (i.id().equals(text)) {
                return i;
            }
        }
        throw new IllegalArgumentException("--isolation must be one of " + Arrays.stream(values()).map(Isolation::id)
                .collect(Collectors.joining(", ")) + ", not '" + text + "'");
    }

    /**
     * The layer this mode gives on this machine, checked once per grader process (a sandbox is started and must work).
     *
     * @throws Unavailable when {@link #NAMESPACES} was asked for and this machine can't give it
     */
    public Containment resolve() throws Unavailable {
        return switch (this) {
            case JVM -> new Containment(Containment.JVM, id(), "asked for with --isolation jvm; " + Sessions.coverage());
            case NAMESPACES -> {
                String why = Bubblewrap.unavailable();
                if (why != null) {
                    throw new Unavailable("--isolation namespaces: the operating-system layer can't be had here: " + why);
                }
                yield new Containment(Containment.NAMESPACES, id(), Bubblewrap.description());
            }
            case AUTO -> {
                String why = Bubblewrap.unavailable();
                yield why == null
                        ? new Containment(Containment.NAMESPACES, id(), Bubblewrap.description())
                        : new Containment(Containment.JVM, id(), "namespaces unavailable: " + why + "; " + Sessions.coverage());
            }
        };
    }

    /** The operating-system layer was asked for and this machine can't give it; the message says why. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
