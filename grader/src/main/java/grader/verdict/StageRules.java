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

    /** {@return the verdict of one pipeline observation, or null when the generic rules decide (no stages, a stub, processes)} */
    static ModelRules.Judged judgeOne(ExerciseSpec spec, Evidence e) {
        StageEvidence f = e.stage(FETCH);
        StageEvidence d = e.stage(DIGEST);
        if (f == null || d == null || e.thrown() != null && e.thrown().startsWith("java.lang.UnsupportedOperationException")
                || !e.processes().isEmpty()) {
            return null;
        }
        int cores = e.availableProcessors();
        int bound = Math.min(e.limit(), e.tasks());
        if (f.calls() == 0 || d.calls() == 0) {
            return judged("no-calls", (e.thrown() != null ? "The method threw " + e.thrown() + ". " : "") + "We saw "
                    + ModelRules.count(f.calls(), "request") + " through the HttpClient you were given and "
                    + ModelRules.count(d.calls(), "digest call") + " for " + ModelRules.count(e.tasks(), "page")
                    + ". The grader can only judge work it sees.", e.callSite(), e);
        }
        if (f.callsOn(ThreadKind.COMMON_POOL) > 0 && d.callsOn(ThreadKind.COMMON_POOL) > 0) {
            return judged("one-parallel-stream", "Both stages ran on the common ForkJoinPool: your " + ModelRules.count(f.calls(), "request")
                    + " ran on " + kinds(f.threadsByKind(), "thread") + ", at most " + f.peakOverlap() + " in flight at once ("
                    + e.limitName() + " = " + e.limit() + "), and your " + ModelRules.count(d.calls(), "digest call")
                    + " on " + kinds(d.threadsByKind(), "thread") + "." + ModelRules.processorsNote(cores), e.callSite(), e);
        }
        // The common pool and the caller are sized by the JVM; every other platform thread counts against the cores.
        // "other": a pool's workers started from a JDK thread (thenApplyAsync from the client's thread), not seen start.
        int platform = d.threadsOf(ThreadKind.POOL_WORKER) + d.threadsOf(ThreadKind.PLATFORM) + d.threadsOf(ThreadKind.FORK_JOIN_POOL)
                + d.threadsOf(ThreadKind.OTHER);
        int fetchPlatform = f.threadsOf(ThreadKind.POOL_WORKER) + f.threadsOf(ThreadKind.PLATFORM) + f.threadsOf(ThreadKind.OTHER);
        if (d.threadsOf(ThreadKind.VIRTUAL) == 0 && platform > cores && fetchPlatform == 0) {
            // No request ran on a platform thread of the learner's: the digests had platform threads of their own, only
            // more of them than the cores. That is a pool too large, not digests on the threads that wait for I/O.
            return judged(VerdictId.DIGEST_POOL_TOO_LARGE.id(), "Your " + ModelRules.count(d.calls(), "digest call") + " ran on "
                    + kinds(d.threadsByKind(), "thread") + ", up to " + d.peakOverlap() + " at once, but availableProcessors() = " + cores
                    + ": the " + (platform - cores) + " threads beyond the cores only take turns on them. "
                    + fetchNumbers(e, f) + "." + ModelRules.processorsNote(cores), firstPoolSite(e), e);
        }
        if (d.threadsOf(ThreadKind.VIRTUAL) > 0 || platform > cores) {
            return judged("digest-on-io-threads", "Your " + ModelRules.count(d.calls(), "digest call") + " ran on "
                    + kinds(d.threadsByKind(), "thread") + ", up to " + d.peakOverlap() + " at once, but availableProcessors() = " + cores
                    + ". " + fetchNumbers(e, f) + "." + ModelRules.processorsNote(cores), e.startSite() != null ? e.startSite() : e.callSite(), e);
        }
        boolean onCpuPool = f.callsOn(ThreadKind.COMMON_POOL) > 0 || f.callsOn(ThreadKind.FORK_JOIN_POOL) > 0;
        if (onCpuPool || bound > cores && f.peakOverlap() <= cores) {
            return judged("fetch-on-cpu-pool", "At most " + f.peakOverlap() + " of your " + ModelRules.count(f.calls(), "request")
                    + " were in flight at once, on " + kinds(f.threadsByKind(), "thread") + ", though " + e.limitName() + " = "
                    + e.limit() + " allows " + bound + ": only the digests are bounded by the cores. Your digests: "
                    + digestNumbers(d, cores) + "." + ModelRules.processorsNote(cores), firstPoolSite(e), e);
        }
        if (f.peakOverlap() > e.limit()) {
            return judged("over-limit", "Up to " + f.peakOverlap() + " requests were in flight at once, but " + e.limitName() + " = "
                    + e.limit() + ".", e.startSite() != null ? e.startSite() : e.callSite(), e);
        }
        if (f.rendezvous() != null && !f.rendezvous().reached() && f.peakOverlap() < bound) {
            return judged("under-limit", "At most " + f.peakOverlap() + " requests were in flight at once, but " + e.limitName() + " = "
                    + e.limit() + " allows " + bound + ".", e.callSite(), e);
        }
        if (d.peakOverlap() <= 1 && d.calls() > 1 && cores > 1) {
            return judged("digest-sequential", "Your " + ModelRules.count(d.calls(), "digest call") + " ran one at a time on "
                    + kinds(d.threadsByKind(), "thread") + ", though availableProcessors() = " + cores + ". " + fetchNumbers(e, f) + "."
                    + ModelRules.processorsNote(cores),
                    e.callSite(), e);
        }
        // Digests sized to the cores need as many threads as the cores: counted, since the peak cannot tell on a
        // machine with fewer cores than the test JVM reports. The common pool is sized by the JVM.
        // A pool's workers that did no digest are not counted against it: the hold on the digest stage must also have
        // failed to see min(cores, pages) digests at once.
        if (d.callsOn(ThreadKind.COMMON_POOL) == 0 && d.callsOn(ThreadKind.CALLER) == 0 && platform > 0
                && platform < Math.min(cores, e.tasks()) - 1 && d.rendezvous() != null && !d.rendezvous().reached()) {
            return judged(VerdictId.DIGEST_TOO_FEW_THREADS.id(), "Your " + ModelRules.count(d.calls(), "digest call") + " ran on "
                    + kinds(d.threadsByKind(), "thread") + ", but availableProcessors() = " + cores + ": at most " + platform
                    + " of the cores digest at once, and the other " + (cores - platform) + " sit idle. " + fetchNumbers(e, f) + "."
                    + ModelRules.processorsNote(cores),
                    firstPoolSite(e), e);
        }
        String summary = "Fetch: " + fetchNumbers(e, f) + ". Digest: " + digestNumbers(d, cores) + ".";
        List<Evidence.PoolSeen> open = e.pools().stream().filter(p -> !p.shutDown()).toList();
        if (!open.isEmpty() || !e.leakedThreads().isEmpty()) {
            String what = open.isEmpty() ? "" : ModelRules.count(open.size(), "pool") + " you created "
                    + (open.size() == 1 ? "was" : "were") + " never shut down";
            String threads = e.leakedThreads().isEmpty() ? "" : (what.isEmpty() ? "" : "; ")
                    + ModelRules.count(e.leakedThreads().size(), "thread") + " still alive after the method returned ("
                    + String.join(", ", e.leakedThreads().subList(0, Math.min(3, e.leakedThreads().size())))
                    + (e.leakedThreads().size() > 3 ? ", ..." : "") + ")";
            return judged("leaked-threads", summary + " But " + what + threads + ".", open.isEmpty() ? e.startSite() : open.get(0).site(), e);
        }
        return judged("staged", summary + ModelRules.processorsNote(cores), e.startSite() != null ? e.startSite() : e.callSite(), e);
    }

    private static ModelRules.Judged judged(String id, String summary, Site site, Evidence e) {
        // Evidence with both stages shows a pipeline whatever its stages ran on; with no calls, nothing could be seen.
        return new ModelRules.Judged("no-calls".equals(id) ? null : VerdictId.STAGED, id, summary, site, e);
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
