package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --audience} on the commands that write reports: documented, and a wrong value named in a usage error. */
class AudienceOptionTest {
    @Test
    void anUnknownAudienceIsAUsageErrorNamingTheOptionAndTheValue(@TempDir Path tmp) {
        for (String command : new String[] {"grade", "grade-class"}) {
            CliRun r = CliRun.run(command, tmp.toString(), "--report-dir", tmp.resolve("reports").toString(), "--audience", "teacher");
            assertAll(command,
                    () -> assertEquals(ExitCode.USAGE.code(), r.code()),
                    () -> assertTrue(r.err().contains("--audience: unknown audience 'teacher'; known: staff, learner"), r.err()));
        }
    }

    @Test
    void bothGradingCommandsDocumentIt() {
        for (String command : new String[] {"grade", "grade-class"}) {
            CliRun r = CliRun.run(command, "--help");
            assertTrue(r.out().contains("--audience=<who>"), r.out());
        }
    }
}
