package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.verdict.statics.StaticRules;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class ExerciseSpecTest {
    static final java.util.List<String> KNOWN = ExerciseSpec.KNOWN;

    /** The verdict vocabulary: DESIGN.md section 4's models and the engine's extensions. */
    static final Set<String> VOCABULARY = Set.of("sequential", "serialized", "thread-per-task", "fixed-pool", "common-pool",
            "fork-join-pool", "virtual-threads", "async-client", "processes", "hard-coded-pool-size", "over-limit",
            "under-limit", "leaked-threads", "not-implemented", "no-calls", "no-evidence", "unknown",
            "staged", "digest-on-io-threads", "fetch-on-cpu-pool", "one-parallel-stream", "digest-sequential",
            "global-lock", "synchronized-map", "unsafe-shared-map",
            // threads: mistakes with the Thread API itself
            "run-not-start", "not-joined", "polling", "executor",
            // crawl
            "small-pool",
            // processes: isolation verdicts
            "in-process", "unbounded-processes", "no-kill", "pipe-deadlock", "leaked-processes");

    @ParameterizedTest
    @FieldSource("KNOWN")
    void everyKnownSpecLoadsAndNamesOnlyKnownRulesAndVerdicts(String id) {
        ExerciseSpec spec = ExerciseSpec.load(id);
        assertAll(
                () -> assertEquals(id, spec.id()),
                () -> assertTrue(spec.points().total() > 0),
                () -> assertFalse(spec.models().expected().isEmpty()),
                () -> assertTrue(VOCABULARY.containsAll(spec.models().expected()), spec.models().expected().toString()),
                () -> assertTrue(VOCABULARY.containsAll(spec.feedback().keySet()), spec.feedback().keySet().toString()),
                () -> spec.staticRules().forEach(r -> assertTrue(StaticRules.known(r), "unknown static rule " + r)),
                () -> assertFalse(spec.tests().model().isEmpty(), "a model check decides the verdict"));
    }

    @Test
    void anUnknownExerciseIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExerciseSpec.load("nope"));
        assertTrue(e.getMessage().contains("no exercise spec /grader/exercises/nope.json"), e.getMessage());
    }

    @Test
    void signaturesAreShownAsSourceShowsThem() {
        assertEquals("static List<Integer> fetchAll(HttpClient, List<URI>, int, Duration)",
                ExerciseSpec.load("fetch").structure().get(0).signature());
    }

    @Test
    void limitsAreReadFromTheSpecAndTheDefaultsFillWhatItLeavesOut() throws Exception {
        String json = """
                {"id": "x", "title": "t", "workload": "io", "structure": [], "tests": {}, "points": {"functional": 1, "model": 1, "statics": 0},
                 "poolSize": "limit", "models": {"expected": ["fixed-pool"]}, "limits": {"perTestSeconds": 90, "processes": 32}}""";
        ExerciseSpec spec = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, ExerciseSpec.class);
        assertEquals(new grader.values.Limits(90, 1024, 2000, 32, 64, "loopback"), spec.limits());
        assertEquals(grader.values.Limits.DEFAULT, ExerciseSpec.load("fetch").limits(), "fetch sets no limits");
    }

    @Test
    void aLimitOutOfRangeInASpecIsAnErrorNamingIt() {
        String json = """
                {"id": "x", "title": "t", "workload": "io", "structure": [], "tests": {}, "points": {"functional": 1, "model": 1, "statics": 0},
                 "poolSize": "limit", "models": {"expected": ["fixed-pool"]}, "limits": {"threads": 0}}""";
        Exception e = assertThrows(Exception.class, () -> new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, ExerciseSpec.class));
        assertTrue(e.getMessage().contains("limits.threads must be between 1 and 100000, not 0"), e.getMessage());
    }
}
