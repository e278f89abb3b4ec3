package grader.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import grader.probes.Episode;
import grader.values.Evidence;
import org.junit.jupiter.api.TestReporter;

/** Sends a check's evidence to the grader through JUnit's report entries (never through stdout). */
public final class EvidenceReport {
    /** The report-entry key the grader reads evidence from. */
    public static final String KEY = "grader.evidence";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceReport() {}

    /**
     * Calls the learner's method inside the episode, marks how it ended, and publishes the evidence
     * whatever happened, so a method that throws is still judged (e.g. as not implemented).
     */
    public static <T> T observe(TestReporter reporter, Episode episode, java.util.function.Supplier<T> call) {
        try {
            T result = call.get();
            episode.returned();
            return result;
        } catch (RuntimeException | Error e) {
            episode.threw(e);
            throw e;
        } finally {
            publish(reporter, episode);
        }
    }

    public static void publish(TestReporter reporter, Episode episode) {
        Evidence evidence = episode.evidence();
        try {
            reporter.publishEntry(KEY, JSON.writeValueAsString(evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the evidence of " + evidence.exercise(), e);
        }
    }
}
