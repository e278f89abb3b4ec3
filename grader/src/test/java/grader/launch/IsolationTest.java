package grader.launch;

import grader.values.Containment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IsolationTest {
    @Test
    void eachModeIsSpelledAsTheOptionTakesIt() {
        for (Isolation i : Isolation.values()) {
            assertEquals(i, Isolation.parse(i.id()));
        }
    }

    @Test
    void anUnknownModeNamesTheOptionTheValueAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Isolation.parse("docker"));
        assertEquals("--isolation must be one of auto, namespaces, jvm, not 'docker'", e.getMessage());
    }

    @Test
    void jvmIsAlwaysHadAndSaysWhatItCovers() throws Isolation.Unavailable {
        Containment c = Isolation.JVM.resolve();
        assertEquals("jvm", c.layer());
        assertEquals("jvm", c.requested());
        assertEquals(true, c.why().startsWith("asked for with --isolation jvm; "), c.why());
    }

    @Test
    void autoTakesNamespacesExactlyWhenNamespacesCanBeHad() throws Isolation.Unavailable {
        String why = Bubblewrap.unavailable();
        Containment auto = Isolation.AUTO.resolve();
        if (why == null) {
            assertEquals(Containment.NAMESPACES, auto.layer());
            assertEquals(Containment.NAMESPACES, Isolation.NAMESPACES.resolve().layer());
        } else {
            assertEquals(Containment.JVM, auto.layer());
            assertEquals(true, auto.why().startsWith("namespaces unavailable: " + why), auto.why());
            Isolation.Unavailable e = assertThrows(Isolation.Unavailable.class, Isolation.NAMESPACES::resolve);
            assertEquals("--isolation namespaces: the operating-system layer can't be had here: " + why, e.getMessage());
        }
    }
}
