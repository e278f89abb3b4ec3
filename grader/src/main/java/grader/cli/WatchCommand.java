package grader.cli;

import grader.engine.GradeRequest;
import grader.engine.Grader;
import grader.engine.GraderHome;
import grader.engine.Scratch;
import grader.report.ConsoleSummary;
import grader.report.Exporters;
import grader.report.GradeReport;
import grader.verdict.ExerciseSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watch}: a learner keeps it open beside the editor. Each time a source file of an exercise is saved, that
 * exercise (only that one) is graded again and its feedback printed. Ctrl-C stops it and leaves nothing running: the
 * grading in progress is interrupted, and every process it started (test JVMs and whatever the learner's code started
 * in them) is killed and waited for before the JVM exits.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Watch a folder laid out like exercises/ and grade an exercise again each time one of its source "
                + "files is saved; prints its feedback. Ctrl-C stops it, with no process left running.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "2:bad usage (no such folder, no exercise sources in it, a bad option)",
            "3:the grader itself failed"})
final class WatchCommand implements Callable<Integer> {
    /** What the watcher prints each time it waits for a save: a line tests and tools can wait for. */
    static final String WATCHING = "watching ";
    /**
     * Editors save in bursts (a temporary file, a rename, a second write): changes that arrive this soon after
     * another are graded together, once.
     */
    private static final long QUIET_MILLIS = 300;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<dir>", defaultValue = ".",
            description = "the folder to watch, laid out like exercises/ (default: the current folder)")
    Path dir;

    @Option(names = "--report-dir", paramLabel = "<dir>", description = "where report.json goes (default: <dir>/target/grader)")
    Path reportDir;

    @CommandLine.Mixin
    GradingOptions options = new GradingOptions();

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cl, "<dir> " + dir + ": no such folder");
        }
        options.validate(cl);
        Path sub = dir.toAbsolutePath().normalize();
        List<String> ids = options.exerciseIds();
        if (!Files.isDirectory(sub.resolve("src/main/java"))) {
            throw new CommandLine.ParameterException(cl, "<dir> " + dir + ": no exercise sources in it (no "
                    + Submissions.where(ids) + ")" + Submissions.hint(dir, ids));
        }
        GraderHome home = GraderHome.locate();
        Path reports = (reportDir != null ? reportDir : sub.resolve("target/grader")).toAbsolutePath().normalize();
        Path sources = sub.resolve("src/main/java");
        Map<String, Path> folders = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            folders.put(id, sources.resolve(ExerciseSpec.load(id).packageName().replace('.', '/')));
        }

        AtomicReference<Thread> grading = new AtomicReference<>();
        Thread stop = new Thread(() -> stopEverything(grading), "grader-watch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
            registerAll(service, sources, keys);
            Grader grader = new Grader(home, options.startupCache());
            while (true) {
                out.println(WATCHING + Submissions.shown(sources) + " (" + String.join(", ", ids)
                        + "): save a source file to grade its exercise; Ctrl-C to stop");
                out.flush();
                Set<Path> changed = new TreeSet<>();
                WatchKey key = service.take();
                while (key != null) {
                    changed.addAll(changes(key, keys, service));
                    key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                }
                Set<String> due = new LinkedHashSet<>();
                folders.forEach((id, folder) -> {
                    if (changed.stream().anyMatch(p -> p.startsWith(folder) && p.toString().endsWith(".java"))) {
                        due.add(id);
                    }
                });
                if (due.isEmpty()) {
                    continue;
                }
                out.println("saved: " + String.join(", ", changed.stream().filter(p -> p.toString().endsWith(".java"))
                        .map(p -> sources.relativize(p).toString()).toList()) + "; grading " + String.join(", ", due));
                out.flush();
                Thread t = Thread.ofPlatform().name("grader-watch-grading").unstarted(() -> gradeOnce(grader, home, sub, reports, List.copyOf(due), cl));
                grading.set(t);
                t.start();
                t.join();
                grading.set(null);
            }
        } catch (ClosedWatchServiceException e) {
            return ExitCode.FULL_MARKS.code();
        }
    }

    /** Grades {@code ids} once and prints the summary and, below full marks, the one line; never throws. */
    private void gradeOnce(Grader grader, GraderHome home, Path sub, Path reports, List<String> ids, CommandLine cl) {
        PrintWriter out = cl.getOut();
        Path work = null;
        try {
            work = Files.createTempDirectory("grader-");
            Exporters.clearStale(reports);
            GradeRequest all = options.request(home, sub, work);
            GradeRequest request = new GradeRequest(all.submission(), ids, all.hiddenJar(), all.activeProcessors(),
                    all.perTestTimeout(), all.watchdog(), all.workDir());
            GradeReport report = grader.grade(request);
            Path file = Exporters.writeAll(report, reports, options.formats, options.audience()).get("json");
            Path shown = Submissions.shown(file);
            new ConsoleSummary(cl.getColorScheme().ansi() == CommandLine.Help.Ansi.ON)
                    .print(options.audience().cut(report, false), shown, out);
            if (report.graderError() == null && !report.fullMarks()) {
                out.println(GraderCommand.Grade.notFullMarks(report, shown));
            } else if (report.graderError() == null) {
                out.println("Full marks: " + String.join(", ", ids));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            cl.getErr().println("grader error: " + e);
        } finally {
            if (work != null) {
                Scratch.delete(work);
            }
            out.flush();
        }
    }

    /**
     * The shutdown hook: interrupts the grading in progress, then kills every process this JVM started, and their
     * children, until none is left and the grading has ended (it can start no new one after that).
     */
    static void stopEverything(AtomicReference<Thread> grading) {
        Thread t = grading.get();
        if (t != null) {
            t.interrupt();
        }
        for (int round = 0; round < 50; round++) {
            List<ProcessHandle> alive = ProcessHandle.current().descendants().toList();
            alive.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : alive) {
                try {
                    p.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // still going: the next round kills it again
                }
            }
            Thread current = grading.get();
            boolean gradingOver = current == null || !current.isAlive();
            if (alive.isEmpty() && gradingOver) {
                return;
            }
            if (!gradingOver) {
                try {
                    current.join(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static Set<Path> changes(WatchKey key, Map<WatchKey, Path> keys, WatchService service) {
        Set<Path> changed = new TreeSet<>();
        Path folder = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                // A new package folder: watch it too, and count what is already in it.
                registerAll(service, path, keys);
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).forEach(changed::add);
                } catch (IOException e) {
                    // gone again: nothing to grade
                }
            } else {
                changed.add(path);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
        return changed;
    }

    private static void registerAll(WatchService service, Path root, Map<WatchKey, Path> keys) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                keys.put(folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
