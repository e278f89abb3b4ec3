package grader.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.probes.Episode;
import grader.probes.Evidence;
import org.junit.jupiter.api.TestReporter;

/** Sends a check's evidence to the grader through JUnit's report entries (never through stdout). */
public final class EvidenceReport {
    /** The report-entry key the grader reads evidence from. */
    public static final String KEY = "grader.evidence";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceReport() {}

    public static void publish(TestReporter reporter, Episode episode) {
        Evidence evidence = episode.evidence();
        try {
            reporter.publishEntry(KEY, JSON.writeValueAsString(evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the evidence of " + evidence.exercise(), e);
        }
    }
}
