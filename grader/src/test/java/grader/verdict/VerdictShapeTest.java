package grader.verdict;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A verdict is the model that ran plus the flaws found on it; the one id of schema 1 heads it. */
class VerdictShapeTest {
    static final ExerciseSpec FETCH = ModelRulesTest.FETCH;
    static final ExerciseSpec CRAWL = ModelRulesTest.CRAWL;

    @Test
    void aRightPoolIsItsModelWithNoFlaw() {
        ModelVerdict v = ModelRulesTest.judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 3, true).starts(3, 0));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals(List.of(), v.flaws()),
                () -> assertEquals("fixed-pool", v.id()), () -> assertEquals(Severity.INFO, v.severity()));
    }

    @Test
    void aPoolNeverShutDownIsTheFixedPoolWithTheLeakAsItsFlaw() {
        ModelVerdict v = ModelRulesTest.judge(FETCH, EvidenceBuilder.fetch(3).on("pool-worker", 12).pool("tpe", 3, false).starts(3, 0));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, v.model()), () -> assertEquals(List.of("leaked-threads"), v.flawIds()),
                () -> assertEquals("leaked-threads", v.id(), "schema 1's id is the first flaw"),
                () -> assertEquals("test", v.flaws().get(0).evidence(), "the observation that showed it"),
                () -> assertEquals(0.0, v.share()), () -> assertEquals(Severity.FAIL, v.severity()));
    }

    @Test
    void aWarnedModelWithNoFlawKeepsItsShareAndWithAFlawLosesIt() {
        ModelVerdict warned = ModelRulesTest.judge(CRAWL, EvidenceBuilder.crawl(24, 4).on("pool-worker", 24).pool("tpe", 4, true).peak(4, true));
        ModelVerdict leaked = ModelRulesTest.judge(CRAWL, EvidenceBuilder.crawl(24, 4).on("pool-worker", 24).pool("tpe", 4, false).peak(4, true));
        assertAll(() -> assertEquals(VerdictId.FIXED_POOL, warned.model()), () -> assertEquals(0.5, warned.share(), warned.summary()),
                () -> assertEquals(Severity.WARN, warned.severity()),
                () -> assertEquals(VerdictId.FIXED_POOL, leaked.model()), () -> assertEquals(List.of("leaked-threads"), leaked.flawIds()),
                () -> assertEquals(0.0, leaked.share()));
    }

    @Test
    void aFlawThatIsNotAModelNamesTheModelTheEvidenceShows() {
        ModelVerdict v = ModelRulesTest.judge(ThreadsModelRulesTest.THREADS,
                EvidenceBuilder.downloads(6).on("caller", 6).peak(1, false).counter("run-not-start", 6));
        assertAll(() -> assertEquals(VerdictId.SEQUENTIAL, v.model(), v.summary()), () -> assertEquals(List.of("run-not-start"), v.flawIds()));
    }

    @Test
    void theStubShowsNoModel() {
        ModelVerdict v = ModelRulesTest.judge(FETCH, EvidenceBuilder.fetch(3).calls(0, 0).threw("java.lang.UnsupportedOperationException: TODO"));
        assertAll(() -> assertNull(v.model()), () -> assertEquals(List.of("not-implemented"), v.flawIds()));
    }

    @Test
    void aWrongModelWithNoFlawIsTheModelAlone() {
        ModelVerdict v = ModelRulesTest.judge(FETCH, EvidenceBuilder.fetch(3).on("caller", 12).peak(1, false).threads(1));
        assertAll(() -> assertEquals(VerdictId.SEQUENTIAL, v.model()), () -> assertEquals(List.of(), v.flaws()),
                () -> assertEquals(Severity.FAIL, v.severity()));
    }

    @Test
    void earlyVerdictsNameAFlawAndNoModel() {
        ModelVerdict v = EarlyVerdicts.compileError("X.java:3: ';' expected");
        assertAll(() -> assertNull(v.model()), () -> assertEquals("compile-error", v.id()), () -> assertEquals(0.0, v.share()));
    }
}
