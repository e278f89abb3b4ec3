package grader.verdict;

import grader.values.Evidence;
import grader.values.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds evidence as the probes would report it, for rule tests that need no JVM. */
final class EvidenceBuilder {
    private final String exercise;
    private int tasks = 12;
    private int limit = 3;
    private String limitName = "maxWorkers";
    private String callLabel = "request";
    private int cpus = 6;
    private String thrown;
    private int calls = 12;
    private int async;
    private int peak = 3;
    private Evidence.RendezvousResult rendezvous = new Evidence.RendezvousResult(3, true);
    private final Map<String, Integer> byKind = new LinkedHashMap<>();
    private int distinct = 3;
    private int platformStarts;
    private int virtualStarts;
    private final List<Evidence.PoolSeen> pools = new ArrayList<>();
    private final List<Evidence.ProcessSeen> processes = new ArrayList<>();
    private final List<String> leaked = new ArrayList<>();
    private final List<Evidence.ThreadWait> waits = new ArrayList<>();
    private final java.util.Map<String, Long> counters = new java.util.HashMap<>();
    private final Map<String, Evidence.StageEvidence> stages = new LinkedHashMap<>();
    static final Site SITE = new Site("course.fetch.StatusFetcher", "fetchAll", "StatusFetcher.java", 23);

    private EvidenceBuilder(String exercise) {
        this.exercise = exercise;
    }

    static EvidenceBuilder fetch(int maxWorkers) {
        EvidenceBuilder b = new EvidenceBuilder("fetch");
        b.limit = maxWorkers;
        b.peak = maxWorkers;
        b.rendezvous = new Evidence.RendezvousResult(maxWorkers, true);
        return b;
    }

    static EvidenceBuilder crawl(int urls, int maxInFlight) {
        EvidenceBuilder b = new EvidenceBuilder("crawl");
        b.tasks = urls;
        b.calls = urls;
        b.limit = maxInFlight;
        b.limitName = "maxInFlight";
        b.peak = maxInFlight;
        b.rendezvous = new Evidence.RendezvousResult(maxInFlight, true);
        return b;
    }

    static EvidenceBuilder compute(int cores) {
        EvidenceBuilder b = new EvidenceBuilder("compute");
        b.tasks = 48;
        b.calls = 48;
        b.limit = cores;
        b.cpus = cores;
        b.limitName = "availableProcessors()";
        b.callLabel = "sumOfFactorials call";
        b.peak = 2;
        b.rendezvous = new Evidence.RendezvousResult(2, true);
        return b;
    }

    /** The threads exercise: {@code urls} downloads, held until all are in progress, Thread API counters on. */
    static EvidenceBuilder downloads(int urls) {
        EvidenceBuilder b = new EvidenceBuilder("threads");
        b.tasks = urls;
        b.calls = urls;
        b.limit = urls;
        b.limitName = "urls.size()";
        b.callLabel = "download";
        b.peak = urls;
        b.distinct = urls;
        b.rendezvous = new Evidence.RendezvousResult(urls, true);
        return b;
    }

    /** A {@code processes} observation: {@code jobs} jobs, each run in a child JVM, at most maxProcesses at once. */
    static EvidenceBuilder processes(int jobs, int maxProcesses) {
        EvidenceBuilder b = new EvidenceBuilder("processes");
        b.tasks = jobs;
        b.limit = maxProcesses;
        b.limitName = "maxProcesses";
        b.callLabel = "job";
        b.calls = 0;
        b.peak = 0;
        b.distinct = 0;
        b.rendezvous = null;
        for (int i = 0; i < jobs; i++) {
            b.processes.add(new Evidence.ProcessSeen(List.of("java", "-cp", "cp", "grader.probes.ChildJob", "hold"), SITE));
        }
        b.counters.put("children-peak", (long) Math.min(jobs, maxProcesses));
        b.counters.put("jobs-reported", (long) jobs);
        return b;
    }

    EvidenceBuilder noProcesses() {
        processes.clear();
        return this;
    }

    EvidenceBuilder waiting(String thread, String state, String waitingIn, Site site) {
        waits.add(new Evidence.ThreadWait(thread, state, waitingIn, null, null, site));
        return this;
    }

    EvidenceBuilder on(String kind, int n) {
        byKind.merge(kind, n, Integer::sum);
        return this;
    }

    EvidenceBuilder peak(int p, boolean reached) {
        peak = p;
        rendezvous = new Evidence.RendezvousResult(rendezvous.target(), reached);
        return this;
    }

    EvidenceBuilder threads(int n) {
        distinct = n;
        return this;
    }

    EvidenceBuilder starts(int platform, int virtual) {
        platformStarts = platform;
        virtualStarts = virtual;
        return this;
    }

    EvidenceBuilder pool(String kind, int max, boolean shutDown) {
        pools.add(new Evidence.PoolSeen(kind, max == Integer.MAX_VALUE ? 0 : max, max, shutDown, SITE));
        return this;
    }

    EvidenceBuilder process(String... command) {
        processes.add(new Evidence.ProcessSeen(List.of(command), SITE));
        return this;
    }

    EvidenceBuilder leaked(String thread) {
        leaked.add(thread);
        return this;
    }

    EvidenceBuilder threw(String exception) {
        thrown = exception;
        return this;
    }

    EvidenceBuilder calls(int n, int asyncCalls) {
        calls = n;
        async = asyncCalls;
        return this;
    }

    EvidenceBuilder blockedOnLock(String thread, String owner) {
        waits.add(new Evidence.ThreadWait(thread, "BLOCKED", "course.compute.FactorialSums.guarded", "java.lang.Class@1b2c",
                owner, new Site("course.compute.FactorialSums", "guarded", "FactorialSums.java", 40)));
        return this;
    }

    EvidenceBuilder counter(String name, long value) {
        counters.put(name, value);
        return this;
    }

    /** Pipeline evidence: {@code urls} pages, {@code maxInFlight}, {@code cores}; add its stages with {@link #stage}. */
    static EvidenceBuilder pipeline(int urls, int maxInFlight, int cores) {
        EvidenceBuilder b = new EvidenceBuilder("pipeline");
        b.tasks = urls;
        b.calls = 2 * urls;
        b.limit = maxInFlight;
        b.limitName = "maxInFlight";
        b.cpus = cores;
        b.callLabel = "watched call";
        b.peak = maxInFlight;
        b.rendezvous = null;
        return b;
    }

    /**
     * One stage: {@code calls} calls, at most {@code peak} at once, all on threads of {@code kind}, {@code threads}
     * distinct ones; its rendezvous of {@code target} reached or not.
     */
    EvidenceBuilder stage(String name, int calls, int peak, String kind, int threads, int target, boolean reached) {
        return stage(name, calls, peak, Map.of(kind, calls), Map.of(kind, threads), target, reached);
    }

    EvidenceBuilder stage(String name, int calls, int peak, Map<String, Integer> callsByKind, Map<String, Integer> threadsByKind,
            int target, boolean reached) {
        int distinct = threadsByKind.values().stream().mapToInt(Integer::intValue).sum();
        stages.put(name, new Evidence.StageEvidence(calls, peak, callsByKind, threadsByKind, distinct,
                new Evidence.RendezvousResult(target, reached)));
        callsByKind.forEach(this::on);
        return this;
    }

    Evidence build() {
        return new Evidence(exercise, "test", callLabel, tasks, limitName, limit, cpus, "main",
                thrown == null ? "returned" : "threw", thrown, calls, async, peak, rendezvous, byKind, distinct,
                List.of("t1"), platformStarts, virtualStarts, pools, processes, leaked, waits, SITE, SITE, List.of(), counters, stages);
    }
}
