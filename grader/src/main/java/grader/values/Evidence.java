package grader.values;

import java.util.List;
import java.util.Map;

/**
 * What one observed call of a learner method showed: counts, overlaps, thread kinds, sizes. No
 * field is a duration: verdicts are decided from these numbers alone, so that
 * no verdict depends on the machine's speed or load.
 *
 * @param exercise      the exercise id, e.g. {@code fetch}
 * @param scenario      what the check asked, for people: "12 requests, maxWorkers = 3"
 * @param callLabel     what a watched call is, singular: "request", "sumOfFactorials call"
 * @param tasks         how many items the learner's method was given
 * @param limitName     the bound the exercise sets: "maxWorkers", "availableProcessors()"
 * @param limit         its value in this scenario
 * @param availableProcessors what the test JVM reported
 * @param callerThread  the name of the thread that called the learner's method
 * @param outcome       "returned" or "threw"
 * @param thrown        the exception the method threw ({@code Class: message}), or null
 * @param calls         watched calls seen (kernel invocations, requests through the given client)
 * @param asyncCalls    of those, how many were asynchronous ({@code HttpClient.sendAsync})
 * @param peakOverlap   most watched calls in progress at one time
 * @param rendezvous    the hold that makes overlap exact, and whether it was reached
 * @param callsByKind   calls per thread kind id ({@link ThreadKind#id()})
 * @param distinctThreads how many threads made watched calls
 * @param threadNames   some of their names
 * @param platformStarts platform threads the learner started (pool workers included)
 * @param virtualStarts virtual threads the learner started
 * @param pools         pools the learner created
 * @param processes     child processes started while the learner's method ran
 * @param leakedThreads learner threads still alive when the method returned
 * @param waits         where threads were waiting when a rendezvous gave up (locks, futures)
 * @param callSite      the learner frame that made the first watched call
 * @param startSite     the learner frame that started the first thread
 * @param timeline      when each watched call ran, on which thread: for the HTML report's picture only,
 *                      never for a verdict (capped; the counts above are exact)
 * @param counters      exercise-specific counts by name (e.g. {@code "children-alive-peak"}), recorded with
 *                      {@code grader.probes.Episode.count(String, long)} and {@code atLeast(String, long)}; never durations
 */
public record Evidence(
        String exercise,
        String scenario,
        String callLabel,
        int tasks,
        String limitName,
        int limit,
        int availableProcessors,
        String callerThread,
        String outcome,
        String thrown,
        int calls,
        int asyncCalls,
        int peakOverlap,
        RendezvousResult rendezvous,
        Map<String, Integer> callsByKind,
        int distinctThreads,
        List<String> threadNames,
        int platformStarts,
        int virtualStarts,
        List<PoolSeen> pools,
        List<ProcessSeen> processes,
        List<String> leakedThreads,
        List<ThreadWait> waits,
        Site callSite,
        Site startSite,
        List<CallSpan> timeline,
        Map<String, Long> counters,
        Map<String, StageEvidence> stages) {

    public Evidence {
        callsByKind = Map.copyOf(callsByKind);
        threadNames = List.copyOf(threadNames);
        pools = List.copyOf(pools);
        processes = List.copyOf(processes);
        leakedThreads = List.copyOf(leakedThreads);
        waits = List.copyOf(waits);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        counters = counters == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(counters));
        stages = stages == null ? Map.of() : Map.copyOf(stages);
    }

    /** {@return the evidence of the named stage, or null when this episode had no such stage} */
    public StageEvidence stage(String name) {
        return stages.get(name);
    }

    /** {@return the named counter, 0 when it was never recorded} */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** {@return how many watched calls ran on threads of this kind} */
    public int callsOn(ThreadKind kind) {
        return callsByKind.getOrDefault(kind.id(), 0);
    }

    /** A pool the learner created: kind "tpe" or "fjp", its sizes, and whether it was shut down on return. */
    public record PoolSeen(String kind, int core, int max, boolean shutDown, Site site) {}

    /**
     * A child process started during the call. Its command keeps no absolute path: each (a lone one or one in a
     * class path list) becomes {@code …/} and its last name, since the test JVM's class path and JDK are the
     * grader's own folders, which a report a learner reads must not show.
     */
    public record ProcessSeen(List<String> command, Site site) {
        public ProcessSeen {
            command = command.stream().map(ProcessSeen::withoutFolders).toList();
        }

        static String withoutFolders(String argument) {
            if (argument == null || argument.indexOf('/') < 0) {
                return argument;
            }
            String[] parts = argument.split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.startsWith("/") && p.length() > 1) {
                    String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
                    parts[i] = "\u2026/" + trimmed.substring(trimmed.lastIndexOf('/') + 1);
                }
            }
            return String.join(":", parts);
        }
    }

    /** A thread seen waiting when a rendezvous gave up: on a lock held by another thread, or in a JDK call. */
    public record ThreadWait(String thread, String state, String waitingIn, String lock, String lockOwner, Site site) {}

    /** One watched call on the timeline, in microseconds since the learner's method was called. */
    public record CallSpan(String thread, String kind, long startMicros, long endMicros, boolean async) {}

    /**
     * The watched calls of one pipeline stage.
     *
     * @param calls           calls of this stage
     * @param peakOverlap     most calls of this stage in progress at one time
     * @param callsByKind     calls per thread kind id
     * @param threadsByKind   distinct threads per thread kind id that made calls of this stage
     * @param distinctThreads how many threads made calls of this stage
     * @param rendezvous      the hold on this stage's calls, and whether it was reached; or null
     */
    public record StageEvidence(int calls, int peakOverlap, Map<String, Integer> callsByKind,
                                Map<String, Integer> threadsByKind, int distinctThreads, RendezvousResult rendezvous) {
        public StageEvidence {
            callsByKind = Map.copyOf(callsByKind);
            threadsByKind = Map.copyOf(threadsByKind);
        }

        /** {@return how many calls of this stage ran on threads of this kind} */
        public int callsOn(ThreadKind kind) {
            return callsByKind.getOrDefault(kind.id(), 0);
        }

        /** {@return how many distinct threads of this kind made calls of this stage} */
        public int threadsOf(ThreadKind kind) {
            return threadsByKind.getOrDefault(kind.id(), 0);
        }
    }

    /** The rendezvous: how many calls it waited for, and whether they were ever in progress together. */
    public record RendezvousResult(int target, boolean reached) {}
}
