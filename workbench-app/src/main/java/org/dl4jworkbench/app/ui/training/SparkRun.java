package org.dl4jworkbench.app.ui.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.app.project.Project;
import org.dl4jworkbench.app.ui.runs.OpenedRun;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.train.Evaluation;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.TrainingMonitor;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * A run on Spark started from the window: {@code ./workbench spark train} ({@link SparkLaunch})
 * in a process of its own, writing a new run folder under the project's runs folder as a run
 * of the window would. While it trains, its run folder feeds the dashboard's monitor
 * ({@link RunFolderFeed}) and its output (kept in the run folder's {@value #LOG}) the status
 * line, every 250 ms. {@link #stop} ends the process as Ctrl+C does (SIGTERM: the command
 * stops after the current minibatches and saves the model); the window closing does the same.
 * A process that ends without a finished run fails with its last {@code error: } line (or
 * the launcher's), never a trace, and says where the log is.
 */
public final class SparkRun {

    /** The process's output, in the run folder. */
    public static final String LOG = "spark.log";
    private static final String SPEC_FILE = ".spark-network.json";
    private static final Set<String> FINISHED = Set.of(RunSummary.COMPLETED, RunSummary.STOPPED,
            RunSummary.EARLY_STOPPED);

    /** How a run that finished went; {@code model} is null where none was saved. */
    public record Ended(TrainingResult result, String outcome, Path model) {
    }

    /** A run on Spark that ended without finishing; the message is for the user. */
    public static final class FailedException extends IOException {
        private static final long serialVersionUID = 1L;

        FailedException(String message) {
            super(message);
        }
    }

    private final Path root;
    private final String master;
    private final NetworkSpec spec;
    private final String dataset;
    private final Path runs;
    private final TrainingMonitor monitor;
    private volatile String status = "";
    private volatile boolean stopAsked;
    private Process process;

    /** A run of {@code project} where {@code runOn} says (which has no problem), into its runs folder. */
    public SparkRun(RunOn runOn, Project project, TrainingMonitor monitor) {
        this.root = runOn.root().orElseThrow();
        this.master = runOn.master();
        this.spec = project.spec();
        this.dataset = project.dataset();
        this.runs = project.runsFolder();
        this.monitor = monitor;
    }

    /** The process's latest line of output (loading the dataset, starting Spark, an epoch's end), or "". */
    public String status() {
        return status;
    }

    /** Ends the process as Ctrl+C does: it stops after the current minibatches and saves the model. */
    public synchronized void stop() {
        stopAsked = true;
        if (process != null) {
            process.destroy();
        }
    }

    /**
     * Trains until the process ends; blocks: call it off the FX thread.
     *
     * @throws FailedException where the process ended without a finished run
     */
    public Ended run() throws IOException, InterruptedException {
        RunFolder folder = RunFolder.createUnder(runs, spec.name());
        Path specFile = folder.file(SPEC_FILE);
        SpecJson.write(spec, specFile);
        Path log = folder.file(LOG);
        Thread onExit = new Thread(this::stop, "stop-spark-run");
        try {
            synchronized (this) {
                if (stopAsked) {
                    return new Ended(null, "Stopped before the run on Spark started; nothing was trained", null);
                }
                var command = new SparkLaunch(root, master, specFile, dataset, folder.dir()).command();
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            }
            Runtime.getRuntime().addShutdownHook(onExit); // the window closing stops the run, keeping its model
            var feed = new RunFolderFeed(folder, monitor, spec.training());
            var output = new LogTail(log);
            while (!process.waitFor(250, TimeUnit.MILLISECONDS)) {
                feed.poll();
                status = output.poll();
            }
            feed.poll();
            status = output.poll();
            return ended(folder, process.exitValue(), output, log);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down, or never added: nothing to undo
            }
            Files.deleteIfExists(specFile);
        }
    }

    private Ended ended(RunFolder folder, int exit, LogTail output, Path log) throws IOException {
        RunSummary summary = Files.isRegularFile(folder.file(RunFolder.SUMMARY)) ? folder.readSummary() : null;
        if (summary == null || !FINISHED.contains(summary.status())) {
            if (stopAsked && summary == null) {
                return new Ended(null, "Stopped before the run on Spark began training; nothing was trained", null);
            }
            throw new FailedException("on Spark " + master + ": " + output.why(exit) + " (the log: " + log + ")");
        }
        Evaluation test = Files.isRegularFile(folder.file(RunFolder.EVALUATION))
                ? OpenedRun.evaluation(folder.readEvaluation())
                : new Evaluation(List.of(), new int[0][0], Double.NaN, 1, 0, List.of());
        StopReason reason = switch (summary.status()) {
            case RunSummary.STOPPED -> StopReason.STOPPED;
            case RunSummary.EARLY_STOPPED -> StopReason.EARLY_STOPPED;
            default -> StopReason.COMPLETED;
        };
        String message = summary.message() == null ? "" : summary.message();
        var result = new TrainingResult(null, null, reason, message, summary.epochsCompleted(), folder.readEpochs(),
                test, summary.bestEpoch(), Duration.ofMillis(Math.round(summary.trainingSeconds() * 1000)),
                summary.imagesPerSecond());
        String outcome = test.total() == 0 ? (message.isEmpty() ? summary.status() : message) + "; nothing was tested"
                : String.format(Locale.ROOT, "%s on Spark %s: test accuracy %.2f%% after %d epoch(s); saved in %s",
                summary.status().replace('-', ' '), master, test.accuracy() * 100, summary.epochsCompleted(),
                folder.dir());
        Path model = Files.isRegularFile(folder.model()) ? folder.model() : null;
        return new Ended(result, Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1), model);
    }

    /** The process's output as it grows: its latest line, and why it failed. */
    static final class LogTail {

        private final Path log;
        private long read;
        private String last = "";
        private String error;
        private String launcher;
        private int launcherLines;

        LogTail(Path log) {
            this.log = log;
        }

        /** Reads what is new; returns the latest line (the summary's JSON left out). */
        String poll() throws IOException {
            if (!Files.isRegularFile(log) || Files.size(log) <= read) {
                return last;
            }
            byte[] all = Files.readAllBytes(log); // a few kilobytes: the workbench's lines, Spark's log goes elsewhere
            int end = all.length;
            while (end > read && all[end - 1] != '\n') {
                end--;
            }
            String text = new String(all, (int) read, (int) (end - read), StandardCharsets.UTF_8);
            read = end;
            text.lines().map(l -> l.replace("\r", "").strip()).filter(l -> !l.isEmpty() && !l.startsWith("{"))
                    .forEach(this::line);
            return last;
        }

        private void line(String line) {
            last = line;
            if (line.startsWith("error: ")) {
                error = line.substring("error: ".length());
            } else if (line.startsWith("workbench: ")) {
                launcher = line.substring("workbench: ".length());
                launcherLines = 1;
            } else if (launcher != null && launcherLines++ < 3) { // what to install, where it looked
                launcher += " " + line;
            }
        }

        /** The last {@code error: } line, else the launcher's, else the last line. */
        String why(int exit) {
            String reason = error != null ? error : launcher != null ? launcher : last.isEmpty()
                    ? "the process ended before training" : last;
            return reason + (exit == 0 ? "" : " (exit code " + exit + ")");
        }
    }
}
