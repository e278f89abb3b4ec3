package grader.probes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import grader.values.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the learner's code may read and write: its temporary folder, and the JDK's own files read-only. */
class FilePolicyTest {
    static final Site SITE = new Site("course.fetch.StatusFetcher", "fetchAll", "StatusFetcher.java", 30);

    @Test
    void theJdksOwnFilesAreReadableThroughTheLinksItsPackagersMadeAndNothingElseIs(@TempDir Path dir) throws Exception {
        // A JDK home whose trust store is a link to the system's, as Temurin's packages ship it.
        Path etc = Files.createDirectories(dir.resolve("etc/ssl"));
        Path trustStore = Files.writeString(etc.resolve("cacerts"), "certificates");
        Path secret = Files.writeString(dir.resolve("etc/secret"), "not the JDK's");
        Path home = Files.createDirectories(dir.resolve("jdk"));
        Path security = Files.createDirectories(home.resolve("lib/security"));
        Files.createSymbolicLink(security.resolve("cacerts"), trustStore);
        Path tmp = Files.createDirectories(dir.resolve("learner-tmp"));
        FilePolicy.configure(tmp.toString(), home.toString());

        assertAll(
                () -> assertNull(FilePolicy.refusal(security.resolve("cacerts").toString(), "read", SITE),
                        "the JDK reads its trust store through its own link"),
                () -> assertNull(FilePolicy.refusal(tmp.resolve("out.txt").toString(), "write", SITE)),
                () -> assertNotNull(FilePolicy.refusal(trustStore.toString(), "read", SITE),
                        "the same file, named outside the JDK's home, is not the JDK's"),
                () -> assertNotNull(FilePolicy.refusal(home.resolve("lib/../../etc/secret").toString(), "read", SITE),
                        ".. is taken away before the JDK's home is compared"),
                () -> assertNotNull(FilePolicy.refusal(secret.toString(), "read", SITE)),
                () -> assertNotNull(FilePolicy.refusal(security.resolve("cacerts").toString(), "write", SITE),
                        "the JDK's files are read-only"));
    }
}
