package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The classes of mistake issue 11 found graded wrong, each decided from counts and sizes. */
class GreyZoneRulesTest {
    static final ExerciseSpec FETCH = ModelRulesTest.FETCH;
    static final ExerciseSpec COMPUTE = ModelRulesTest.COMPUTE;

    static ModelVerdict judge(ExerciseSpec spec, EvidenceBuilder... b) {
        return ModelRulesTest.judge(spec, b);
    }

    // Class 1: CPU work on fewer platform threads than the cores.

    @Test
    void twoPlatformThreadsOnSixCoresAreTooFewThreadsNotAPool() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("platform", 48).threads(2).starts(2, 0).peak(2, false));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals("too-few-threads", v.id(), v.summary()),
                () -> assertEquals(0.0, v.share()),
                () -> assertTrue(v.summary().contains("2 platform threads") && v.summary().contains("= 6"), v.summary()),
                () -> assertTrue(!v.summary().contains("pool"), "two raw threads are no pool: " + v.summary()));
    }

    @Test
    void asManyPlatformThreadsAsCoresAreRight() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("platform", 48).threads(6).starts(6, 0).peak(6, true));
        assertAll(() -> assertEquals("fixed-pool", v.id(), v.summary()), () -> assertEquals(1.0, v.share()),
                () -> assertTrue(v.summary().contains("6 platform threads your code started"), v.summary()));
    }

    @Test
    void aDigestPoolOfTwoOnSixCoresIsTooFewThreads() {
        ModelVerdict v = StageRulesTest.judge(StageRulesTest.pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 2, "pool-worker", 2, 6, false).pool("tpe", 2, true).starts(2, 32));
        assertAll(() -> assertEquals(VerdictId.STAGED, v.model()), () -> assertEquals("digest-too-few-threads", v.id(), v.summary()));
    }

    // Class 2: batches of the cap, each joined before the next; told by the crawl check's sliding-window probe.

    static EvidenceBuilder batchesOfFifty() {
        return EvidenceBuilder.crawl(500, 50).on("virtual", 500).threads(500).starts(0, 500).counter("window-batches", 1)
                .counter("window-first-wave", 50).counter("window-quiet-rounds", 49).counter("window-waiting-threads", 51)
                .counter("window-urls-left", 450);
    }

    @Test
    void virtualThreadsInBatchesOfTheCapAreInBatchesWithHalfTheModelPoints() {
        ModelVerdict v = judge(ModelRulesTest.CRAWL, batchesOfFifty());
        assertAll(() -> assertEquals(VerdictId.VIRTUAL_THREADS, v.model()), () -> assertEquals("in-batches", v.id(), v.summary()),
                () -> assertEquals(0.5, v.share()), () -> assertEquals(Severity.WARN, v.severity()),
                () -> assertTrue(v.summary().contains("50 requests in flight at once (maxInFlight = 50)")
                        && v.summary().contains("each of the first 49 (with 49 down to 1 still in flight)")
                        && v.summary().contains("all 51 threads of yours were waiting")
                        && v.summary().contains("450 URLs were still to be fetched"), v.summary()));
    }

    @Test
    void aWindowThatSlidOrAProbeThatDidNotDecideGivesNoBatchFlaw() {
        ModelVerdict slid = judge(ModelRulesTest.CRAWL, EvidenceBuilder.crawl(500, 50).on("virtual", 500).threads(500).starts(0, 500)
                .counter("window-slid", 1));
        ModelVerdict undecided = judge(ModelRulesTest.CRAWL, EvidenceBuilder.crawl(500, 50).on("virtual", 500).threads(500)
                .starts(0, 500).counter("window-undecided", 1));
        assertAll(() -> assertEquals("virtual-threads", slid.id(), slid.summary()), () -> assertEquals(1.0, slid.share()),
                () -> assertEquals("virtual-threads", undecided.id(), undecided.summary()), () -> assertEquals(1.0, undecided.share()));
    }

    @Test
    void aPoolOfTheCapInBatchesKeepsItsModelAndNamesTheBatches() {
        ModelVerdict v = judge(ModelRulesTest.CRAWL, EvidenceBuilder.crawl(500, 50).on("pool-worker", 500).pool("tpe", 50, true)
                .threads(50).starts(50, 0).counter("window-batches", 1).counter("window-first-wave", 50)
                .counter("window-quiet-rounds", 49).counter("window-waiting-threads", 51).counter("window-urls-left", 450));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals(List.of("in-batches"), v.flawIds(), v.summary()),
                () -> assertEquals(0.5, v.share()));
    }

    @Test
    void batchesOverTheCapAreOverLimitFirst() {
        ModelVerdict v = judge(ModelRulesTest.CRAWL, batchesOfFifty().peak(100, true));
        assertEquals("over-limit", v.id(), v.summary());
    }

    // Class 4: the caller does part of the work; a pool that can never grow.

    @Test
    void aCallerThatMakesSomeRequestsItselfIsItsOwnFlaw() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 9).on("caller", 3).pool("tpe", 3, true).threads(4)
                .starts(3, 0).peak(3, true));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals("caller-does-work", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("made 3 of the 12 requests itself"), v.summary()));
    }

    @Test
    void aLockCallerThatReadsLinesToSplitThemDoesNoneOfTheCounting() {
        // The lock exercise records every line read; the reference solution's caller reads some to hand them out.
        ModelVerdict v = judge(ModelRulesTest.LOCK, ModelRulesTest.lockWorkers().on("caller", 12).threads(7).peak(6, true));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals(List.of(), v.flawIds(), v.summary()));
    }

    @Test
    void aPoolWithCoreSizeZeroAndOneWorkerNeverGrows() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 0, 3, true).threads(1).starts(1, 0)
                .peak(1, false));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals("pool-never-grows", v.id(), v.summary()));
    }

    @Test
    void aParallelStreamThatUsesTheCallerIsRight() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("common-pool", 40).on("caller", 8).threads(6).peak(6, true));
        assertEquals("common-pool", v.id(), v.summary());
    }

    // Class 6: flaw names that say what the size follows.

    @Test
    void maxWorkersPlusThreeFollowsTheLimitOffByThree() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 6, true).peak(6, true),
                EvidenceBuilder.fetch(5).on("pool-worker", 12).pool("tpe", 8, true).peak(8, true));
        assertAll(() -> assertEquals(List.of("pool-size-off-limit"), v.flawIds(), v.summary()),
                () -> assertTrue(v.summary().contains("maxWorkers + 3") && v.summary().contains("should follow maxWorkers"), v.summary()));
    }

    @Test
    void aThreadPerItemPoolFollowsTheItems() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 12, true).peak(12, true).threads(12));
        assertAll(() -> assertTrue(List.of("pool-size-follows-tasks", "over-limit").contains(v.id()), v.id() + ": " + v.summary()),
                () -> assertEquals("pool-size-follows-tasks", v.id(), v.summary()));
    }

    @Test
    void twiceTheCoresFollowsTheCoresByAFactor() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 12, true).threads(12).peak(12, true));
        assertAll(() -> assertEquals("pool-size-off-cores", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("2 times"), v.summary()));
    }

    @Test
    void aConstantSizeStaysHardCoded() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 2, true).threads(2).peak(2, false));
        assertEquals("hard-coded-pool-size", v.id(), v.summary());
    }

    @Test
    void aDigestPoolThatIsOnlyTooLargeIsNamedSo() {
        ModelVerdict v = StageRulesTest.judge(StageRulesTest.pages().stage("fetch", 32, 24, "virtual", 32, 24, true)
                .stage("digest", 32, 12, "pool-worker", 12, 6, true).pool("tpe", 12, true).starts(12, 32));
        assertEquals("digest-pool-too-large", v.id(), v.summary());
    }

    // Class 5: evidence from a call that did not return by itself earns no model points.

    @Test
    void aRightPoolSeenOnlyAfterTheGradersInterruptEarnsNoModelPoints() {
        ModelVerdict v = ModelRules.judgeObserved(FETCH, List.of(
                new Observation(EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 3, true).starts(3, 0).build(),
                        Observation.Ending.TIMED_OUT),
                Observation.byItself(EvidenceBuilder.fetch(4).on("pool-worker", 12).pool("tpe", 4, true).starts(4, 0).peak(4, true).build())));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals("call-not-returned", v.id(), v.summary()),
                () -> assertEquals(0.0, v.share()), () -> assertEquals(Severity.FAIL, v.severity()),
                () -> assertTrue(v.summary().startsWith("Your method did not return by itself"), v.summary()),
                () -> assertTrue(v.why().contains("finished by itself"), v.why()));
    }

    @Test
    void aWarnedModelKeepsItsShareWhenItsCallReturnedByItself() {
        ModelVerdict returned = ModelRules.judgeObserved(ModelRulesTest.CRAWL, List.of(Observation.byItself(
                EvidenceBuilder.crawl(24, 4).on("pool-worker", 24).pool("tpe", 4, true).peak(4, true).build())));
        ModelVerdict stopped = ModelRules.judgeObserved(ModelRulesTest.CRAWL, List.of(new Observation(
                EvidenceBuilder.crawl(24, 4).on("pool-worker", 24).pool("tpe", 4, true).peak(4, true).build(), Observation.Ending.TIMED_OUT)));
        assertAll(() -> assertEquals(0.5, returned.share()), () -> assertEquals("fixed-pool", returned.id()),
                () -> assertEquals(0.0, stopped.share()), () -> assertEquals("call-not-returned", stopped.id()));
    }

    @Test
    void aWrongModelFromACallThatTimedOutKeepsItsOwnName() {
        ModelVerdict v = ModelRules.judgeObserved(FETCH, List.of(new Observation(
                EvidenceBuilder.fetch(3).on("caller", 12).peak(1, false).threads(1).build(), Observation.Ending.TIMED_OUT)));
        assertEquals("sequential", v.id(), v.summary());
    }

    @Test
    void noCallsSeenInACallThatNeverReturnedIsTheHangNotTheMissingCalls() {
        ModelVerdict v = ModelRules.judgeObserved(COMPUTE, List.of(new Observation(
                EvidenceBuilder.compute(6).calls(0, 0).build(), Observation.Ending.TIMED_OUT)));
        ModelVerdict returned = ModelRules.judgeObserved(COMPUTE, List.of(Observation.byItself(
                EvidenceBuilder.compute(6).calls(0, 0).build())));
        assertAll(() -> assertEquals("call-not-returned", v.id(), v.summary()), () -> assertEquals(0.0, v.share()),
                () -> assertTrue(v.summary().startsWith("Your method did not return by itself"), v.summary()),
                () -> assertEquals("no-calls", returned.id(), returned.summary()));
    }

    @Test
    void noEvidenceBecauseEveryModelCheckIgnoredTheInterruptSaysSo() {
        ModelVerdict v = ModelRules.judgeObserved(COMPUTE, List.of(),
                List.of(new Observation.Unreturned("usesTheCores", new grader.values.Site("course.compute.FactorialSums", "computeAll", "FactorialSums.java", 31))));
        ModelVerdict none = ModelRules.judgeObserved(COMPUTE, List.of(), List.of());
        assertAll(() -> assertEquals("call-not-returned", v.id(), v.summary()), () -> assertEquals(null, v.model()),
                () -> assertEquals(0.0, v.share()),
                () -> assertEquals("Your method did not return by itself: the model check \"usesTheCores\" ran out of time and did"
                        + " not stop when the grader interrupted it. With no call that finished, the grader has no evidence of"
                        + " a model, and gives no model points.", v.summary()),
                () -> assertEquals(31, v.site().line()),
                () -> assertTrue(v.why().contains("finished by itself"), v.why()),
                () -> assertEquals("no-evidence", none.id(), none.summary()));
    }
}
