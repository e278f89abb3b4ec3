package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's stage rules on evidence with a fetch and a digest stage: counts, overlaps, kinds only. */
class StageRulesTest {
    static final ExerciseSpec PIPELINE = ExerciseSpec.load("pipeline");
    static final ExerciseSpec FETCH = ExerciseSpec.load("fetch");

    static ModelVerdict judge(EvidenceBuilder b) {
        return ModelRules.judge(PIPELINE, java.util.List.of(b.build()));
    }

    /** 32 pages, maxInFlight = 24, 6 cores. */
    static EvidenceBuilder pages() {
        return EvidenceBuilder.pipeline(32, 24, 6);
    }

    @Test
    void virtualFetchersAndADigestPoolOfTheCoresAreStagedWithBothStagesNumbers() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 6, "pool-worker", 6, 6, true).pool("tpe", 6, true).starts(6, 32));
        assertAll(() -> assertEquals("staged", v.id(), v.summary()),
                () -> assertEquals(Severity.INFO, v.severity()),
                () -> assertEquals(1.0, v.share()),
                () -> assertTrue(v.summary().contains("32 virtual threads, at most 24 in flight at once (maxInFlight = 24)"), v.summary()),
                () -> assertTrue(v.summary().contains("6 pool-worker threads, at most 6 at once (availableProcessors() = 6)"), v.summary()));
    }

    @Test
    void sendAsyncWithDigestsOnAPoolWhoseThreadsTheJdkStartedIsStaged() {
        ModelVerdict v = judge(pages().calls(64, 32).stage("fetch", 32, 24, "caller", 1, 24, true)
                .stage("digest", 32, 6, "other", 6, 6, true).pool("tpe", 6, true));
        assertAll(() -> assertEquals("staged", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("(sendAsync)"), v.summary()));
    }

    @Test
    void digestsInAParallelStreamAfterVirtualFetchersAreStaged() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 6, Map.of("common-pool", 27, "caller", 5), Map.of("common-pool", 5, "caller", 1), 6, true));
        assertEquals("staged", v.id(), v.summary());
    }

    @Test
    void digestingInTheVirtualThreadThatFetchedIsDigestOnIoThreads() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 24, "virtual", 32, 6, true));
        assertAll(() -> assertEquals("digest-on-io-threads", v.id(), v.summary()),
                () -> assertEquals(Severity.FAIL, v.severity()),
                () -> assertNotNull(v.hint()),
                () -> assertTrue(v.summary().contains("32 virtual threads"), v.summary()));
    }

    @Test
    void digestingOnAPoolOfMaxInFlightPlatformThreadsIsDigestOnIoThreads() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "pool-worker", 24, 24, true)
                .stage("digest", 32, 24, "pool-worker", 24, 6, true).pool("tpe", 24, true));
        assertAll(() -> assertEquals("digest-on-io-threads", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("24 pool-worker threads"), v.summary()));
    }

    @Test
    void fetchingAndDigestingOnAPoolOfTheCoresIsFetchOnCpuPool() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 6, "pool-worker", 6, 24, false)
                .stage("digest", 32, 6, "pool-worker", 6, 6, true).pool("tpe", 6, true));
        assertAll(() -> assertEquals("fetch-on-cpu-pool", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("At most 6 of your 32 requests"), v.summary()),
                () -> assertTrue(v.summary().contains("maxInFlight = 24 allows 24"), v.summary()));
    }

    @Test
    void fetchingInAParallelStreamIsFetchOnCpuPoolWhateverItsOverlap() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 16, Map.of("common-pool", 30, "caller", 2), Map.of("common-pool", 15, "caller", 1), 24, false)
                .stage("digest", 32, 6, "pool-worker", 6, 6, true).pool("tpe", 6, true));
        assertEquals("fetch-on-cpu-pool", v.id(), v.summary());
    }

    @Test
    void bothStagesOnTheCommonPoolIsOneParallelStream() {
        ModelVerdict v = judge(pages()
                .stage("fetch", 32, 16, Map.of("common-pool", 30, "caller", 2), Map.of("common-pool", 15, "caller", 1), 24, false)
                .stage("digest", 32, 16, Map.of("common-pool", 30, "caller", 2), Map.of("common-pool", 15, "caller", 1), 6, true));
        assertAll(() -> assertEquals("one-parallel-stream", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("15 common-pool threads and the caller's thread"), v.summary()));
    }

    @Test
    void moreRequestsInFlightThanTheLimitIsOverLimit() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 32, "virtual", 32, 24, true)
                .stage("digest", 32, 6, "pool-worker", 6, 6, true).pool("tpe", 6, true));
        assertEquals("over-limit", v.id(), v.summary());
    }

    @Test
    void aHardCodedSemaphoreBelowTheLimitIsUnderLimit() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 10, "virtual", 32, 24, false)
                .stage("digest", 32, 6, "pool-worker", 6, 6, true).pool("tpe", 6, true));
        assertEquals("under-limit", v.id(), v.summary());
    }

    @Test
    void digestsOneAtATimeAreDigestSequential() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 1, "caller", 1, 6, false));
        assertEquals("digest-sequential", v.id(), v.summary());
    }

    @Test
    void aDigestPoolNeverShutDownLeaksThreads() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 6, "pool-worker", 6, 6, true).pool("tpe", 6, false));
        assertAll(() -> assertEquals("leaked-threads", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("never shut down"), v.summary()));
    }

    @Test
    void noDigestCallIsNoCallsAndNamesBothStages() {
        ModelVerdict v = judge(pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 0, 0, Map.of(), Map.of(), 6, false));
        assertAll(() -> assertEquals("no-calls", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("0 digest calls"), v.summary()));
    }

    @Test
    void theStubIsNotImplementedBeforeAnyStageRule() {
        ModelVerdict v = judge(pages().calls(0, 0).threw("java.lang.UnsupportedOperationException: TODO")
                .stage("fetch", 0, 0, Map.of(), Map.of(), 24, false).stage("digest", 0, 0, Map.of(), Map.of(), 6, false));
        assertEquals("not-implemented", v.id(), v.summary());
    }

    @Test
    void evidenceWithoutStagesKeepsItsSingleStageVerdict() {
        ModelVerdict v = ModelRules.judge(FETCH, java.util.List.of(EvidenceBuilder.fetch(3).on("pool-worker", 12)
                .pool("tpe", 3, true).starts(3, 0).build()));
        assertEquals("fixed-pool", v.id(), v.summary());
    }
}
