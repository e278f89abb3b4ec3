package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model rules on evidence as the probes report it: counts, overlaps, kinds and sizes only. */
class ModelRulesTest {
    static final ExerciseSpec FETCH = ExerciseSpec.load("fetch");
    static final ExerciseSpec COMPUTE = ExerciseSpec.load("compute");
    static final ExerciseSpec LOCK = ExerciseSpec.load("lock");
    static final ExerciseSpec CRAWL = ExerciseSpec.load("crawl");

    static ModelVerdict judge(ExerciseSpec spec, EvidenceBuilder... b) {
        return ModelRules.judge(spec, java.util.Arrays.stream(b).map(EvidenceBuilder::build).toList());
    }

    @Test
    void allCallsOnTheCallerIsSequential() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("caller", 12).threads(1).peak(1, false));
        assertAll(() -> assertEquals("sequential", v.id()),
                () -> assertEquals(0, v.share()),
                () -> assertTrue(v.summary().contains("all on thread \"main\""), v.summary()));
    }

    @Test
    void poolWorkersThatNeverOverlapAreSerialized() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).peak(1, false).pool("tpe", 3, true));
        assertEquals("serialized", v.id(), v.summary());
    }

    @Test
    void aLockWaitNamesTheLockItsOwnerAndTheLine() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).peak(1, false).pool("tpe", 6, true)
                .blockedOnLock("pool-1-thread-2", "pool-1-thread-1"));
        assertAll(() -> assertEquals("serialized", v.id()),
                () -> assertTrue(v.summary().contains("held by \"pool-1-thread-1\""), v.summary()),
                () -> assertEquals(40, v.site().line()));
    }

    @Test
    void aBoundedPoolOfMaxWorkersIsTheExpectedFixedPool() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 3, true).starts(3, 0));
        assertAll(() -> assertEquals("fixed-pool", v.id()), () -> assertEquals(1.0, v.share()), () -> assertTrue(v.expected()));
    }

    @Test
    void aCachedPoolIsThreadPerTaskEvenWhenItsOverlapStaysLow() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", Integer.MAX_VALUE, true).peak(3, true));
        assertEquals("thread-per-task", v.id(), v.summary());
    }

    @Test
    void theSamePoolSizeForTwoLimitsIsHardCoded() {
        ModelVerdict v = judge(FETCH,
                EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 5, true).peak(5, true),
                EvidenceBuilder.fetch(4).on("pool-worker", 12).pool("tpe", 5, true).peak(5, true));
        assertAll(() -> assertEquals("hard-coded-pool-size", v.id()),
                () -> assertTrue(v.summary().contains("hard-coded"), v.summary()));
    }

    @Test
    void aPoolNeverShutDownLeaksThreads() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 3, false));
        assertAll(() -> assertEquals("leaked-threads", v.id()), () -> assertTrue(v.summary().contains("never shut down"), v.summary()));
    }

    @Test
    void moreRequestsInFlightThanMaxWorkersIsOverTheLimit() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("virtual", 12).peak(12, true).threads(12).starts(0, 12));
        assertEquals("over-limit", v.id(), v.summary());
    }

    @Test
    void fewerRequestsInFlightThanAllowedIsUnderTheLimit() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("virtual", 12).peak(2, false).threads(12).starts(0, 12));
        assertEquals("under-limit", v.id(), v.summary());
    }

    @Test
    void anyChildProcessIsTheProcessesModel() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).calls(0, 0).process("curl", "-s", "http://127.0.0.1/ok/1"));
        assertAll(() -> assertEquals("processes", v.id()), () -> assertTrue(v.summary().contains("curl"), v.summary()));
    }

    @Test
    void theChildsCommandIsShownInTheLearnersTermsWithoutTheGradersPathsOrJars() {
        String shown = ModelRules.shortCommand(List.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "-cp",
                "/tmp/grader-work/grader-agent.jar:/tmp/grader-work/grader.jar:/tmp/submission/classes", "grader.probes.ChildJob",
                "hold", "40123", "0"));
        assertEquals("java -cp (class path) (the job's main class) hold 40123 0", shown);
        assertEquals("curl -s http://127.0.0.1/ok/1", ModelRules.shortCommand(List.of("curl", "-s", "http://127.0.0.1/ok/1")),
                "a URL is an argument, not a path to hide");
        assertEquals("java --class-path (class path) course.processes.Worker",
                ModelRules.shortCommand(List.of("java", "--class-path", "a.jar:b.jar", "course.processes.Worker")));
    }

    @Test
    void commonPoolWorkersAreTheCommonPoolRightForComputeWrongForFetch() {
        ModelVerdict fetch = judge(FETCH, EvidenceBuilder.fetch(3).on("common-pool", 8).on("caller", 4).peak(6, true).threads(6));
        ModelVerdict compute = judge(COMPUTE, EvidenceBuilder.compute(6).on("common-pool", 40).on("caller", 8).threads(6));
        assertAll(() -> assertEquals("common-pool", fetch.id()), () -> assertEquals(Severity.FAIL, fetch.severity()),
                () -> assertEquals("common-pool", compute.id()), () -> assertEquals(Severity.INFO, compute.severity()),
                // The numbers explain themselves: the bound the pool ignored, and why the test JVM has 6 processors.
                () -> assertTrue(fetch.summary().contains("at most 6 at once (maxWorkers = 3: the common pool ignores it)"), fetch.summary()),
                () -> assertTrue(compute.summary().contains("The test JVM reports 6 processors on any machine"), compute.summary()));
    }

    @Test
    void virtualThreadsAreWrongForCpuWork() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("virtual", 48).threads(48).starts(0, 48));
        assertAll(() -> assertEquals("virtual-threads", v.id()), () -> assertEquals(0, v.share()));
    }

    @Test
    void computePoolsMustFollowTheCores() {
        assertEquals("fixed-pool", judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 6, true)).id());
        assertEquals("fixed-pool", judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 5, true)).id());
        assertEquals("hard-coded-pool-size", judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 2, true)).id());
        assertEquals("hard-coded-pool-size", judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 8, true)).id());
    }

    @Test
    void aThreadPerItemIsThreadPerTask() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("platform", 48).threads(48).starts(48, 0));
        assertEquals("thread-per-task", v.id(), v.summary());
    }

    @Test
    void overlappingSendAsyncCallsAreTheAsyncClient() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).on("caller", 12).calls(12, 12).threads(1));
        assertEquals("async-client", v.id(), v.summary());
    }

    @Test
    void theStubIsNotImplemented() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.fetch(3).calls(0, 0).threw("java.lang.UnsupportedOperationException: TODO"));
        assertAll(() -> assertEquals("not-implemented", v.id()), () -> assertTrue(v.summary().startsWith("Not implemented yet")));
    }

    @Test
    void noEvidenceIsItsOwnVerdict() {
        assertEquals("no-evidence", ModelRules.judge(FETCH, List.of()).id());
    }

    @Test
    void theFirstObservationThatIsNotExpectedDecides() {
        Evidence good = EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 3, true).build();
        Evidence bad = EvidenceBuilder.fetch(4).on("pool-worker", 12).pool("tpe", 4, false).build();
        assertEquals("leaked-threads", ModelRules.judge(FETCH, List.of(good, bad)).id());
    }

    /** Six pool workers counting 36,000 words in 6,000 lines, overlapping: the shape of every lock observation. */
    static EvidenceBuilder lockWorkers() {
        return EvidenceBuilder.compute(6).on("pool-worker", 42_000).pool("tpe", 6, true).starts(6, 0)
                .counter("lines", 6_000).counter("words", 36_000).counter("workers", 6);
    }

    @Test
    void oneLockTakenForEveryUpdateIsAGlobalLockThoughTheWorkersOverlap() {
        ModelVerdict v = judge(LOCK, lockWorkers().counter("shared-lock-acquisitions", 36_000).counter("shared-lock-workers", 6)
                .counter("workers-blocked-on-lock", 3).blockedOnLock("pool-1-thread-2", "pool-1-thread-1"));
        assertAll(() -> assertEquals("global-lock", v.id(), v.summary()),
                () -> assertEquals(0, v.share()),
                () -> assertTrue(v.summary().contains("took one lock 36000 times"), v.summary()),
                () -> assertTrue(v.summary().contains("3 other workers waited"), v.summary()),
                () -> assertTrue(v.summary().contains("held by \"pool-1-thread-1\""), v.summary()),
                () -> assertEquals(40, v.site().line()));
    }

    @Test
    void aLockTakenOnlyToMergeEachWorkersCountsIsNoGlobalLock() {
        ModelVerdict v = judge(LOCK, lockWorkers().counter("shared-lock-acquisitions", 48).counter("shared-lock-workers", 6));
        assertAll(() -> assertEquals("fixed-pool", v.id(), v.summary()), () -> assertEquals(1.0, v.share()),
                () -> assertTrue(v.why().contains("no lock made them take turns"), "the spec words its praise: " + v.why()));
    }

    @Test
    void updatesThroughASynchronizedMapAreTheirOwnVerdict() {
        ModelVerdict v = judge(LOCK, lockWorkers().counter("synchronized-map-updates", 36_000).counter("workers-blocked-on-lock", 2)
                .blockedOnLock("pool-1-thread-3", "pool-1-thread-1"));
        assertAll(() -> assertEquals("synchronized-map", v.id(), v.summary()),
                () -> assertEquals(0, v.share()),
                () -> assertTrue(v.summary().contains("36000 updates through one synchronized map"), v.summary()),
                () -> assertTrue(v.hint().contains("ConcurrentHashMap"), v.hint()));
    }

    @Test
    void aHashMapUpdatedByManyWorkersIsUnsafeWhetherOrNotCountsWereLost() {
        ModelVerdict v = judge(LOCK, lockWorkers().counter("unsafe-map-writers", 6).counter("unsafe-map-foreign-updates", 30_000));
        assertAll(() -> assertEquals("unsafe-shared-map", v.id(), v.summary()),
                () -> assertEquals(0, v.share()),
                () -> assertTrue(v.summary().contains("6 threads updated the same map"), v.summary()));
    }

    @Test
    void aWorkersMapHandedOverToBeMergedIsNotAnUnsafeSharedMap() {
        // A combiner merges a few entries into another worker's map after that worker is done: a hand-over, no race.
        ModelVerdict v = judge(LOCK, lockWorkers().counter("unsafe-map-writers", 2).counter("unsafe-map-foreign-updates", 96)
                .counter("concurrent-map-updates", 0));
        assertEquals("fixed-pool", v.id(), v.summary());
    }

    @Test
    void lockCountersOfNoExerciseChangeNothingElsewhere() {
        ModelVerdict v = judge(COMPUTE, EvidenceBuilder.compute(6).on("pool-worker", 48).pool("tpe", 6, true).starts(6, 0)
                .counter("shared-lock-acquisitions", 48).counter("shared-lock-workers", 6));
        assertEquals("fixed-pool", v.id(), v.summary());
    }

    @Test
    void aPoolFarBelowTheCapIsASmallPoolWhereTheSpecWordsIt() {
        ModelVerdict v = judge(CRAWL, EvidenceBuilder.crawl(500, 50).on("pool-worker", 500).pool("tpe", 6, true)
                .peak(6, false).threads(6).starts(6, 0));
        assertAll(() -> assertEquals("small-pool", v.id()), () -> assertEquals(Severity.FAIL, v.severity()),
                () -> assertTrue(v.summary().contains("6 threads for maxInFlight = 50"), v.summary()),
                () -> assertTrue(v.hint().contains("Semaphore(maxInFlight)"), v.hint()));
    }

    @Test
    void theSameSmallPoolIsAHardCodedSizeForAnExerciseThatDoesNotWordSmallPool() {
        ModelVerdict v = judge(FETCH, EvidenceBuilder.crawl(500, 50).on("pool-worker", 500).pool("tpe", 6, true)
                .peak(6, false).threads(6).starts(6, 0));
        assertEquals("hard-coded-pool-size", v.id(), v.summary());
    }

    @Test
    void aFixedPoolOfExactlyTheCapIsAWarningForCrawl() {
        ModelVerdict v = judge(CRAWL, EvidenceBuilder.crawl(500, 50).on("pool-worker", 500).pool("tpe", 50, true)
                .threads(50).starts(50, 0));
        assertAll(() -> assertEquals("fixed-pool", v.id()), () -> assertEquals(Severity.WARN, v.severity()),
                () -> assertEquals(0.5, v.share()), () -> assertTrue(v.hint().contains("newVirtualThreadPerTaskExecutor"), v.hint()));
    }

    @Test
    void aWarnedPoolThatIgnoresTheSecondCapFailsAsHardCoded() {
        ModelVerdict v = judge(CRAWL,
                EvidenceBuilder.crawl(500, 50).on("pool-worker", 500).pool("tpe", 50, true).threads(50).starts(50, 0),
                EvidenceBuilder.crawl(150, 30).on("pool-worker", 150).pool("tpe", 50, true).peak(50, true).threads(50).starts(50, 0));
        assertAll(() -> assertEquals("hard-coded-pool-size", v.id(), v.summary()), () -> assertEquals(Severity.FAIL, v.severity()));
    }

    @Test
    void aPlatformThreadPerUrlWithinTheCapIsThreadPerTask() {
        ModelVerdict v = judge(CRAWL, EvidenceBuilder.crawl(500, 50).on("platform", 500).threads(500).starts(500, 0));
        assertAll(() -> assertEquals("thread-per-task", v.id()), () -> assertTrue(v.summary().contains("500 platform threads"), v.summary()));
    }

    @Test
    void virtualThreadsAreRightForCrawlWithinTheCapAndOverTheLimitWithout() {
        ModelVerdict capped = judge(CRAWL, EvidenceBuilder.crawl(500, 50).on("virtual", 500).threads(500).starts(0, 500));
        ModelVerdict uncapped = judge(CRAWL, EvidenceBuilder.crawl(500, 50).on("virtual", 500).peak(352, true).threads(500).starts(0, 500));
        assertAll(() -> assertEquals("virtual-threads", capped.id()), () -> assertEquals(1.0, capped.share()),
                () -> assertEquals("over-limit", uncapped.id()), () -> assertEquals(0, uncapped.share()));
    }

    @Test
    void thePoolsThreadsThatDidWorkAreCountedApartFromTheCaller() {
        // The lock reference solution: 6 workers count, the caller reads the lines it hands out (48 reads).
        ModelVerdict v = judge(LOCK, EvidenceBuilder.compute(6).calls(42048, 0).on("pool-worker", 42000).on("caller", 48).threads(7).peak(5, true)
                .pool("tpe", 6, true));
        assertAll(() -> assertEquals("fixed-pool", v.id(), v.summary()),
                () -> assertTrue(v.summary().contains("a pool of 6 threads (6 of them did work, and your own thread"), v.summary()),
                () -> assertTrue(v.summary().contains("made 48 of the"), v.summary()),
                () -> assertTrue(!v.summary().contains("7 of them"), v.summary()));
    }
}
