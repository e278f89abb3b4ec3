package grader.cli;

import grader.engine.GradeRequest;
import grader.engine.GraderHome;
import grader.report.Audience;
import grader.report.Exporters;
import grader.verdict.ExerciseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every grading command shares (a picocli mixin), checked with a usage error each. */
final class GradingOptions {
    @Option(names = "--exercise", paramLabel = "<id>", description = "grade only this exercise (repeatable); known: ${COMPLETION-CANDIDATES}",
            completionCandidates = GraderCommand.KnownExercises.class)
    List<String> exercises = new ArrayList<>();

    @Option(names = "--format", paramLabel = "<id>", split = ",",
            description = "extra report formats, repeatable or comma-separated; report.json is always written. Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = GraderCommand.KnownFormats.class)
    List<String> formats = new ArrayList<>();

    @Option(names = "--audience", paramLabel = "<who>", defaultValue = "learner",
            description = "who the reports are for: learner (default: tests not marked visible show no message, trace or line, in every"
                    + " format but Gradescope's, which applies visibility itself; no paths of the grader's own folders) or staff (everything)")
    String audience;

    @Option(names = "--hidden", paramLabel = "<jar>", description = "hidden tests to run (default: the grader-*-hidden.jar beside grader.jar, if any)")
    Path hidden;

    @Option(names = "--no-hidden", description = "run only public tests and model checks, as learners do")
    boolean noHidden;

    @Option(names = "--active-processors", paramLabel = "<n>", defaultValue = "6",
            description = "-XX:ActiveProcessorCount of the test JVM, 4 or more (default: ${DEFAULT-VALUE})")
    int activeProcessors;

    @Option(names = "--test-timeout", paramLabel = "<seconds>",
            description = "per-test timeout; the test thread is interrupted (default: the exercise specs' limits.perTestSeconds, 60 unless a spec says more)")
    Long testTimeout;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "600",
            description = "the test JVM's whole budget; past it the JVM and its children are killed (default: ${DEFAULT-VALUE})")
    long timeout;

    @Option(names = "--no-startup-cache",
            description = "start every test JVM without the start-up cache (a class-data archive and the agent's transformed JDK classes, made once per JDK and grader build in <tmp>/grader-cache-<user>)")
    boolean noStartupCache;

    /** Who the reports are for (checked by {@link #validate}). */
    Audience audience() {
        return Audience.of(audience);
    }

    /** Whether the test JVMs use the start-up cache. */
    boolean startupCache() {
        return !noStartupCache;
    }

    /** Checks the options; a bad one is a usage error naming it. */
    void validate(CommandLine cl) {
        for (String id : exercises) {
            if (!ExerciseSpec.KNOWN.contains(id)) {
                throw new CommandLine.ParameterException(cl, "unknown exercise '" + id + "'; known: " + String.join(", ", ExerciseSpec.KNOWN));
            }
        }
        try {
            Audience.of(audience);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--audience: " + e.getMessage());
        }
        for (String f : formats) {
            if (Exporters.byId(f).isEmpty()) {
                throw new CommandLine.ParameterException(cl, "unknown format '" + f + "'; known: " + String.join(", ", Exporters.ids()));
            }
        }
        if (activeProcessors < 4) {
            throw new CommandLine.ParameterException(cl, "--active-processors must be 4 or more (a 2-core machine's common pool would hide mistakes)");
        }
        if (hidden != null && !Files.isRegularFile(hidden)) {
            throw new CommandLine.ParameterException(cl, "hidden tests jar " + hidden + " does not exist");
        }
        if ((testTimeout != null && testTimeout < 1) || timeout < 1) {
            throw new CommandLine.ParameterException(cl, "timeouts must be 1 second or more");
        }
        if (testTimeout != null && testTimeout > 3_600) {
            throw new CommandLine.ParameterException(cl, "--test-timeout must be 3600 seconds or less, not " + testTimeout);
        }
    }

    List<String> exerciseIds() {
        return exercises.isEmpty() ? ExerciseSpec.KNOWN : exercises.stream().distinct().toList();
    }

    /** The request for one submission; {@code work} is its scratch folder. */
    GradeRequest request(GraderHome home, Path submission, Path work) {
        Optional<Path> hiddenJar = noHidden ? Optional.empty() : hidden != null ? Optional.of(hidden) : home.hiddenJar();
        return new GradeRequest(submission, exerciseIds(), hiddenJar, activeProcessors,
                testTimeout == null ? null : Duration.ofSeconds(testTimeout),
                Duration.ofSeconds(timeout), work);
    }
}
