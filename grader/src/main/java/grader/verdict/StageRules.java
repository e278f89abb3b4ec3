package grader.verdict;

import grader.values.Evidence;
import grader.values.Evidence.StageEvidence;
import grader.values.Site;
import grader.values.ThreadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model rules for a two-stage pipeline: requests through the given client (stage {@value #FETCH}) and calls of the
 * CPU kernel (stage {@value #DIGEST}), each with its own counts in {@link Evidence#stages()}. A pipeline is right when
 * each stage runs on the model its kind of work wants: requests side by side up to the given bound (virtual threads,
 * an async client), digests on platform threads no more than the cores. Like {@link ModelRules}, these rules decide
 * from counts, overlaps and thread kinds only. Evidence without both stages is not theirs.
 */
final class StageRules {
    static final String FETCH = "fetch";
    static final String DIGEST = "digest";

    private StageRules() {}

    /** What the stage rules read: one observation's evidence, with its two stages and the numbers they are judged by. */
    record Stages(Evidence e) {
        StageEvidence f() {
            return e.stage(FETCH);
        }

        StageEvidence d() {
            return e.stage(DIGEST);
        }

        int cores() {
            return e.availableProcessors();
        }

        /** How many requests may be in flight at once. */
        int bound() {
            return Math.min(e.limit(), e.tasks());
        }

        /**
         * The platform threads that digested. The common pool and the caller are sized by the JVM; every other platform
         * thread counts against the cores. "other": a pool's workers started from a JDK thread (thenApplyAsync from the
         * client's thread), not seen start.
         */
        int platform() {
            StageEvidence d = d();
            return d.threadsOf(ThreadKind.POOL_WORKER) + d.threadsOf(ThreadKind.PLATFORM) + d.threadsOf(ThreadKind.FORK_JOIN_POOL)
                    + d.threadsOf(ThreadKind.OTHER);
        }

        /** The platform threads of the learner's that fetched. */
        int fetchPlatform() {
            StageEvidence f = f();
            return f.threadsOf(ThreadKind.POOL_WORKER) + f.threadsOf(ThreadKind.PLATFORM) + f.threadsOf(ThreadKind.OTHER);
        }
    }

    static final Words DIGEST_ON_IO_BECAUSE = Words.NOT_TAUGHT;

    static final List<Rule<Stages>> STAGE_RULES = List.of(
            Rule.flaw(VerdictId.NO_CALLS, "no request through the given client / no call of the kernel",
                    Words.NO_CALLS, Words.MAKE_CALLS,
                    (x, s) -> x.f().calls() == 0 || x.d().calls() == 0,
                    (x, s) -> (x.e().thrown() != null ? "The method threw " + x.e().thrown() + ". " : "") + "We saw "
                            + ModelRules.count(x.f().calls(), "request") + " through the HttpClient you were given and "
                            + ModelRules.count(x.d().calls(), "digest call") + " for " + ModelRules.count(x.e().tasks(), "page")
                            + ". The grader can only judge work it sees.",
                    x -> x.e().callSite()),
            Rule.flaw(VerdictId.ONE_PARALLEL_STREAM, "both stages on the common pool",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (x, s) -> x.f().callsOn(ThreadKind.COMMON_POOL) > 0 && x.d().callsOn(ThreadKind.COMMON_POOL) > 0,
                    (x, s) -> "Both stages ran on the common ForkJoinPool: your " + ModelRules.count(x.f().calls(), "request")
                            + " ran on " + kinds(x.f().threadsByKind(), "thread") + ", at most " + x.f().peakOverlap() + " in flight at once ("
                            + x.e().limitName() + " = " + x.e().limit() + "), and your " + ModelRules.count(x.d().calls(), "digest call")
                            + " on " + kinds(x.d().threadsByKind(), "thread") + "." + ModelRules.processorsNote(x.cores()),
                    x -> x.e().callSite()),
            // Before digest-on-io-threads: no request ran on a platform thread of the learner's, so the digests had
            // platform threads of their own, only more of them than the cores. That is a pool too large, not digests on
            // the threads that wait for I/O.
            Rule.flaw(VerdictId.DIGEST_POOL_TOO_LARGE, "digests on platform threads of their own, more than the cores",
                    Words.BEYOND_CORES, Words.SIZE_TO_CORES,
                    (x, s) -> x.d().threadsOf(ThreadKind.VIRTUAL) == 0 && x.platform() > x.cores() && x.fetchPlatform() == 0,
                    (x, s) -> "Your " + ModelRules.count(x.d().calls(), "digest call") + " ran on "
                            + kinds(x.d().threadsByKind(), "thread") + ", up to " + x.d().peakOverlap() + " at once, but availableProcessors() = "
                            + x.cores() + ": the " + (x.platform() - x.cores()) + " threads beyond the cores only take turns on them. "
                            + fetchNumbers(x.e(), x.f()) + "." + ModelRules.processorsNote(x.cores()),
                    x -> firstPoolSite(x.e())),
            Rule.flaw(VerdictId.DIGEST_ON_IO_THREADS, "digests on virtual threads, or on more platform threads than cores that"
                            + " also fetched",
                    DIGEST_ON_IO_BECAUSE, Words.USE_INSTEAD,
                    (x, s) -> x.d().threadsOf(ThreadKind.VIRTUAL) > 0 || x.platform() > x.cores(),
                    (x, s) -> "Your " + ModelRules.count(x.d().calls(), "digest call") + " ran on "
                            + kinds(x.d().threadsByKind(), "thread") + ", up to " + x.d().peakOverlap() + " at once, but availableProcessors() = "
                            + x.cores() + ". " + fetchNumbers(x.e(), x.f()) + "." + ModelRules.processorsNote(x.cores()),
                    x -> x.e().startSite() != null ? x.e().startSite() : x.e().callSite()),
            Rule.flaw(VerdictId.FETCH_ON_CPU_POOL, "requests on pool workers sized to the cores",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (x, s) -> x.f().callsOn(ThreadKind.COMMON_POOL) > 0 || x.f().callsOn(ThreadKind.FORK_JOIN_POOL) > 0
                            || x.bound() > x.cores() && x.f().peakOverlap() <= x.cores(),
                    (x, s) -> "At most " + x.f().peakOverlap() + " of your " + ModelRules.count(x.f().calls(), "request")
                            + " were in flight at once, on " + kinds(x.f().threadsByKind(), "thread") + ", though " + x.e().limitName() + " = "
                            + x.e().limit() + " allows " + x.bound() + ": only the digests are bounded by the cores. Your digests: "
                            + digestNumbers(x.d(), x.cores()) + "." + ModelRules.processorsNote(x.cores()),
                    x -> firstPoolSite(x.e())),
            Rule.flaw(VerdictId.OVER_LIMIT, "more requests in flight than the bound (`maxWorkers`, `maxInFlight`) allows",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (x, s) -> x.f().peakOverlap() > x.e().limit(),
                    (x, s) -> "Up to " + x.f().peakOverlap() + " requests were in flight at once, but " + x.e().limitName() + " = "
                            + x.e().limit() + ".",
                    x -> x.e().startSite() != null ? x.e().startSite() : x.e().callSite()),
            Rule.flaw(VerdictId.UNDER_LIMIT, "fewer requests in flight than the bound (`maxWorkers`, `maxInFlight`) allows, and the hold never saw that many",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (x, s) -> x.f().rendezvous() != null && !x.f().rendezvous().reached() && x.f().peakOverlap() < x.bound(),
                    (x, s) -> "At most " + x.f().peakOverlap() + " requests were in flight at once, but " + x.e().limitName() + " = "
                            + x.e().limit() + " allows " + x.bound() + ".",
                    x -> x.e().callSite()),
            Rule.flaw(VerdictId.DIGEST_SEQUENTIAL, "never two digests at once",
                    Words.NOT_TAUGHT, Words.USE_INSTEAD,
                    (x, s) -> x.d().peakOverlap() <= 1 && x.d().calls() > 1 && x.cores() > 1,
                    (x, s) -> "Your " + ModelRules.count(x.d().calls(), "digest call") + " ran one at a time on "
                            + kinds(x.d().threadsByKind(), "thread") + ", though availableProcessors() = " + x.cores() + ". "
                            + fetchNumbers(x.e(), x.f()) + "." + ModelRules.processorsNote(x.cores()),
                    x -> x.e().callSite()),
            // Digests sized to the cores need as many threads as the cores: counted, since the peak cannot tell on a
            // machine with fewer cores than the test JVM reports. The common pool is sized by the JVM. A pool's workers
            // that did no digest are not counted against it: the hold on the digest stage must also have failed to see
            // min(cores, pages) digests at once.
            Rule.flaw(VerdictId.DIGEST_TOO_FEW_THREADS, "fewer platform threads than the cores for the digests, and the hold"
                            + " never saw as many digests as cores",
                    Words.FEW_THREADS, Words.SIZE_TO_CORES,
                    (x, s) -> x.d().callsOn(ThreadKind.COMMON_POOL) == 0 && x.d().callsOn(ThreadKind.CALLER) == 0 && x.platform() > 0
                            && x.platform() < Math.min(x.cores(), x.e().tasks()) - 1 && x.d().rendezvous() != null
                            && !x.d().rendezvous().reached(),
                    (x, s) -> "Your " + ModelRules.count(x.d().calls(), "digest call") + " ran on "
                            + kinds(x.d().threadsByKind(), "thread") + ", but availableProcessors() = " + x.cores() + ": at most "
                            + x.platform() + " of the cores digest at once, and the other " + (x.cores() - x.platform()) + " sit idle. "
                            + fetchNumbers(x.e(), x.f()) + "." + ModelRules.processorsNote(x.cores()),
                    x -> firstPoolSite(x.e())),
            Rule.flaw(VerdictId.LEAKED_THREADS, "a pool never shut down, or a learner thread alive after return",
                    UseRules.LEAKED_BECAUSE, UseRules.LEAKED_HINT,
                    (x, s) -> UseRules.leaked(x.e()),
                    (x, s) -> summary(x) + " But " + UseRules.leaks(x.e()) + ".",
                    x -> UseRules.leakSite(x.e())),
            Rule.model(VerdictId.STAGED, "fetch stage bounded by `maxInFlight` on an I/O model, digest stage on at most the"
                            + " cores' platform threads",
                    Words.of("Right for a pipeline: requests wait side by side within the limit, and the digests run on"
                            + " platform threads no more than the cores."),
                    (x, s) -> true,
                    (x, s) -> summary(x) + ModelRules.processorsNote(x.cores()),
                    x -> x.e().startSite() != null ? x.e().startSite() : x.e().callSite()));

    /**
     * A pipeline's stages, judged alone: evidence with both stages is not the other concerns' (a stub and processes
     * excepted: the model rules name them).
     */
    static final Concern<Stages> STAGES = new Concern<>("stages",
            "Nothing seen first; then where each stage ran (both on the common pool, then the digests: too many threads"
                    + " of their own before on the threads that fetched, since a pool only too large is the truer name;"
                    + " then the requests on a pool sized to the cores); then the fetch stage's bounds; then the digests'"
                    + " overlap and count; cleanup last, and the model when nothing is wrong.",
            (x, s) -> x.f() != null && x.d() != null
                    && !(x.e().thrown() != null && x.e().thrown().startsWith("java.lang.UnsupportedOperationException"))
                    && x.e().processes().isEmpty(),
            // Evidence with both stages shows a pipeline whatever its stages ran on; with no calls, nothing could be seen.
            STAGE_RULES, (x, s, r) -> r.id() == VerdictId.NO_CALLS ? null : VerdictId.STAGED, Stages::e);

    private static String summary(Stages x) {
        return "Fetch: " + fetchNumbers(x.e(), x.f()) + ". Digest: " + digestNumbers(x.d(), x.cores()) + ".";
    }

    private static String fetchNumbers(Evidence e, StageEvidence f) {
        return ModelRules.count(f.calls(), "request") + " on " + kinds(f.threadsByKind(), "thread")
                + (f.callsOn(ThreadKind.CALLER) == f.calls() && e.asyncCalls() > 0 ? " (sendAsync)" : "")
                + ", at most " + f.peakOverlap() + " in flight at once (" + e.limitName() + " = " + e.limit() + ")";
    }

    private static String digestNumbers(StageEvidence d, int cores) {
        return ModelRules.count(d.calls(), "digest call") + " on " + kinds(d.threadsByKind(), "thread") + ", at most "
                + d.peakOverlap() + " at once (availableProcessors() = " + cores + ")";
    }

    /** "24 virtual threads", "5 common-pool threads and the caller". */
    static String kinds(Map<String, Integer> threadsByKind, String noun) {
        List<String> parts = new ArrayList<>();
        boolean caller = false;
        for (Map.Entry<String, Integer> k : new TreeMap<>(threadsByKind).entrySet()) {
            if (ThreadKind.CALLER.id().equals(k.getKey())) {
                caller = true;
            } else {
                String kind = ThreadKind.OTHER.id().equals(k.getKey()) ? "other platform" : k.getKey();
                parts.add(ModelRules.count(k.getValue(), kind + " " + noun));
            }
        }
        if (caller) {
            parts.add("the caller's thread");
        }
        return parts.isEmpty() ? "no thread" : String.join(" and ", parts);
    }

    private static Site firstPoolSite(Evidence e) {
        return e.pools().stream().map(Evidence.PoolSeen::site).findFirst().orElse(e.startSite() != null ? e.startSite() : e.callSite());
    }
}
