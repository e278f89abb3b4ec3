package grader.probes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.values.Evidence;
import grader.values.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stage labels on an episode's watched calls: requests and kernel calls counted apart, each stage with its own hold. */
@Timeout(30)
class EpisodeStagesTest {

    @Test
    void requestsAndKernelCallsAreCountedApartAndTheKernelStageIsHeldUntilItsTarget() throws InterruptedException {
        Evidence e;
        try (Episode episode = Episode.begin("pipeline", "test", "page", 3, "maxInFlight", 4)
                .stages("fetch", "digest").holdStageUntil("digest", 3, Duration.ofMinutes(5))) {
            for (int i = 0; i < 2; i++) {
                episode.exitCall(episode.enterCall(false));
            }
            List<Thread> digesters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // Each waits in the kernel until all three are in it: only a reached hold lets them finish.
                digesters.add(Thread.ofPlatform().start(() -> {
                    Recorder.kernelEnter("course.pipeline.PageDigester#digest");
                    Recorder.kernelExit("course.pipeline.PageDigester#digest");
                }));
            }
            for (Thread t : digesters) {
                t.join();
            }
            episode.returned();
            e = episode.evidence();
        }
        Evidence.StageEvidence fetch = e.stage("fetch");
        Evidence.StageEvidence digest = e.stage("digest");
        assertAll(
                () -> assertEquals(5, e.calls(), "the episode-wide count still holds every watched call"),
                () -> assertEquals(2, fetch.calls()),
                () -> assertEquals(1, fetch.peakOverlap()),
                () -> assertEquals(2, fetch.callsOn(ThreadKind.CALLER)),
                () -> assertEquals(1, fetch.threadsOf(ThreadKind.CALLER)),
                () -> assertEquals(3, digest.calls()),
                () -> assertEquals(3, digest.peakOverlap()),
                () -> assertEquals(3, digest.distinctThreads()),
                () -> assertEquals(3, digest.threadsOf(ThreadKind.OTHER), "threads started outside the learner's code"),
                () -> assertTrue(digest.rendezvous().reached()));
    }

    @Test
    void anEpisodeWithoutStagesReportsNone() {
        try (Episode episode = Episode.begin("fetch", "test", "request", 1, "maxWorkers", 1)) {
            episode.exitCall(episode.enterCall(false));
            episode.returned();
            assertEquals(java.util.Map.of(), episode.evidence().stages());
        }
    }
}
