package org.dl4jworkbench.app.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.app.Main;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.sweep.ChildJvm;
import org.dl4jworkbench.core.sweep.Halving;
import org.dl4jworkbench.core.sweep.Search;
import org.dl4jworkbench.core.sweep.SweepDefinition;
import org.dl4jworkbench.core.sweep.SweepException;
import org.dl4jworkbench.core.sweep.SweepFolder;
import org.dl4jworkbench.core.sweep.SweepListener;
import org.dl4jworkbench.core.sweep.SweepRunner;
import org.dl4jworkbench.core.sweep.SweepState;
import org.dl4jworkbench.core.sweep.TrialLauncher;
import org.dl4jworkbench.core.sweep.TrialState;
import org.dl4jworkbench.core.sweep.TrialStatus;
import org.dl4jworkbench.core.sweep.VaryParser;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Trains one network with varied settings, each trial an ordinary run folder trained by "
                + "'train' in a process of its own, and stops poor trials early by successive halving on the "
                + "validation accuracy. A killed sweep continues with --resume.",
            "Prints a row per trial as it ends, then one line of JSON: the best trial, its settings and "
                    + "validation accuracy, and every trial's result."})
public class SweepCommand implements Callable<Integer> {

    private static final Path SWEEPS = Path.of("sweeps");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--dataset", paramLabel = "SPEC", defaultValue = Datasets.DEFAULT,
            description = "The dataset every trial trains on, as for 'train' (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--vary", paramLabel = "NAME=VALUES",
            description = "A setting to vary: a list (batch_size=32,64; optimizer=adam,sgd; conv1.filters=16,32) "
                    + "or a range for random search (learning_rate=1e-4..1e-2:log). Settings: learning_rate, "
                    + "batch_size, epochs, optimizer, l2, momentum, dropout, LAYER.filters, LAYER.units, LAYER.rate.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--trials", paramLabel = "N",
            description = "Random search with N trials (default: a grid of every combination of the lists).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the random search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of a trial that is never stopped early "
            + "(default: the network's setting).")
    Integer epochs;

    @Option(names = "--validation", paramLabel = "SHARE",
            description = "Share of the training images held back to rank trials on (default: the network's).")
    Double validation;

    @Option(names = "--eta", paramLabel = "N", defaultValue = "3",
            description = "At each rung the best 1/N of the trials train on, N times as many epochs "
                    + "(default: ${DEFAULT-VALUE}).")
    int eta;

    @Option(names = "--min-epochs", paramLabel = "N", defaultValue = "1",
            description = "Epochs of the first rung (default: ${DEFAULT-VALUE}).")
    int minEpochs;

    @Option(names = "--no-halving", description = "Train every trial all its epochs.")
    boolean noHalving;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials trained at once (default: the cores divided by --threads-per-trial).")
    Integer parallel;

    @Option(names = "--threads-per-trial", paramLabel = "N",
            description = "ND4J threads of each trial's process (default: the cores divided by --parallel, "
                    + "or 1 on up to 4 cores and 2 on more).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep folder (default: a new one under ./sweeps).")
    Path out;

    @Option(names = "--resume", paramLabel = "SWEEP_DIR",
            description = "Continue a stopped or killed sweep: ended trials are kept, the others continue.")
    Path resume;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws UserError, IOException, InterruptedException {
        PrintWriter err = command.commandLine().getErr();
        if (resume != null && (!vary.isEmpty() || trials != null || epochs != null || validation != null)) {
            err.println("note: --resume continues the sweep as it was started; --vary, --trials, --epochs and "
                    + "--validation are left as they were");
        }
        try {
            // Absolute: a trial's process may work in another folder (a cluster worker's).
            SweepFolder folder = resume != null ? SweepFolder.open(resume.toAbsolutePath()) : create();
            return run(folder, err);
        } catch (SweepException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage()); // --eta, --min-epochs, --trials out of range
        }
    }

    private SweepFolder create() throws UserError, SweepException, IOException {
        if (vary.isEmpty()) {
            throw new UserError("nothing to vary: give at least one --vary, e.g. --vary learning_rate=1e-4..1e-2:log "
                    + "--vary batch_size=32,64 (or --resume SWEEP_DIR to continue a sweep)");
        }
        NetworkSpec spec = network.load();
        if (epochs != null) {
            spec = spec.withTraining(spec.training().withEpochs(epochs));
        }
        if (validation != null) {
            spec = spec.withData(spec.data().withValidationSplit(validation));
        }
        checkDataset();
        var definition = SweepDefinition.of(spec, dataset, VaryParser.parseAll(vary, spec),
                trials == null ? new Search.Grid() : new Search.RandomSearch(trials, seed),
                noHalving ? null : new Halving(minEpochs, eta));
        Path dir = out != null ? out : SWEEPS.resolve(LocalDateTime.now().format(STAMP) + "-" + spec.name());
        checkWritable(dir);
        return SweepFolder.create(dir.toAbsolutePath(), definition);
    }

    private int run(SweepFolder folder, PrintWriter err) throws SweepException, IOException, InterruptedException,
            UserError {
        PrintWriter out = command.commandLine().getOut();
        int count = folder.read().trials().size();
        Trials where = trials(count, parallel, threads);
        int atOnce = Math.min(count, where.atOnce());
        SweepState start = folder.read();
        err.printf(Locale.ROOT, "Sweep %s: %d trial(s) of %s on %s, rungs at %s epoch(s); %d at once, %d thread(s) "
                        + "each%s%n", folder.dir(), count, start.network(), start.dataset(), start.rungs(), atOnce,
                where.threads(), where.on().isEmpty() ? "" : ", on " + where.on());
        var table = new TrialTable(out);
        table.header();
        start.trials().stream().filter(t -> t.status().ended()).forEach(table::row); // ended before a resume
        var runner = new SweepRunner(folder, where.launcher(), atOnce,
                new SweepListener() {
                    @Override
                    public void trialStarted(TrialState trial, int epochs) {
                        err.printf(Locale.ROOT, "%s: training to %d epoch(s) (%s)%n", trial.id(), epochs,
                                SweepDefinition.describe(trial.settings()));
                    }

                    @Override
                    public void trialEnded(TrialState trial) {
                        table.row(trial);
                    }
                });
        var done = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            runner.stop(); // the trials end now; sweep.json already says where each one stands
            try {
                done.await(10, TimeUnit.SECONDS); // let the command say how to resume
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            SweepState end = runner.run();
            if (!end.finished()) {
                err.println("Sweep stopped; continue it with " + resumeCommand() + " " + folder.dir());
                return 130;
            }
            out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary(folder, end)));
            if (end.trials().stream().allMatch(t -> t.status() == TrialStatus.FAILED)) {
                err.println("error: every trial failed; their messages are in the table above and in "
                        + folder.dir().resolve("logs"));
                return 1;
            }
            return 0;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // shutting down: the hook has stopped the trials
            }
        }
    }

    /** Where and how a sweep's trials train: the launcher, how many at once, ND4J threads each. */
    public record Trials(TrialLauncher launcher, int atOnce, int threads, String on) {
    }

    /**
     * Trials in processes of their own on this computer: {@code parallel} at once (default: the
     * cores shared out, as memory allows), {@code threads} ND4J threads each (default: the
     * cores divided by {@code parallel}, or 1 on up to 4 cores and 2 on more). A face that
     * trains them elsewhere (a Spark cluster) gives its own.
     */
    protected Trials trials(int count, Integer parallel, Integer threads) throws UserError {
        int cores = Runtime.getRuntime().availableProcessors();
        int perTrial = threads != null ? threads : parallel != null ? Math.max(1, cores / parallel) : cores <= 4 ? 1 : 2;
        int atOnce = parallel != null ? parallel : ChildJvm.parallelTrials(cores, perTrial);
        return new Trials(new ChildJvm(Main.class.getName(), perTrial), atOnce, perTrial, "");
    }

    /** The command that continues a stopped sweep, before its folder. */
    protected String resumeCommand() {
        return "./workbench sweep --resume";
    }

    static Map<String, Object> summary(SweepFolder folder, SweepState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("best", state.best().map(t -> trial(folder, t)).orElse(null));
        json.put("trials", state.trials().stream().map(t -> trial(folder, t)).toList());
        json.put("rungs", state.rungs());
        json.put("sweep", folder.dir().toAbsolutePath().toString());
        return json;
    }

    private static Map<String, Object> trial(SweepFolder folder, TrialState t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("trial", t.id());
        json.put("settings", t.settings());
        json.put("status", t.status().id());
        json.put("outcome", t.outcome());
        json.put("epochs", t.epochs());
        json.put("validation_accuracy", t.validationAccuracy());
        json.put("rung_accuracies", t.rungAccuracies());
        json.put("message", t.message());
        json.put("run", folder.runDir(t.id()).toAbsolutePath().toString());
        return json;
    }

    private void checkDataset() throws UserError {
        Optional<Path> folder = Datasets.folderOf(dataset);
        if (folder.isPresent() && !Files.isDirectory(folder.get())) {
            throw new UserError("--dataset " + dataset + ": " + folder.get() + (Files.exists(folder.get())
                    ? " is a file, not a folder" : " does not exist") + ". Give the folder that holds the dataset's files");
        }
    }

    private void checkWritable(Path dir) throws UserError {
        String option = out != null ? "--out " + out : "the sweeps folder " + SWEEPS.toAbsolutePath();
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserError(option + ": " + existing + " is a file, not a folder. Choose another folder with --out");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".workbench-write-check", ".tmp"));
        } catch (IOException e) {
            throw new UserError(option + ": cannot write in " + existing + " (" + (e instanceof AccessDeniedException
                    ? "permission denied" : e.getMessage()) + "). Choose a folder you may write to with --out");
        }
    }

    /** Rows printed as trials end, in columns wide enough for the usual settings. */
    private static final class TrialTable {
        private static final String FORMAT = "%-10s %-44s %6s %10s  %s%n";
        private final PrintWriter out;

        TrialTable(PrintWriter out) {
            this.out = out;
        }

        synchronized void header() {
            out.printf(Locale.ROOT, FORMAT, "TRIAL", "SETTINGS", "EPOCHS", "VAL ACC", "STATUS");
            out.flush();
        }

        synchronized void row(TrialState t) {
            String accuracy = t.validationAccuracy() == null ? "-"
                    : String.format(Locale.ROOT, "%.2f%%", t.validationAccuracy() * 100);
            String status = t.outcome() + (t.status() == TrialStatus.FAILED ? ": " + t.message() : "");
            out.printf(Locale.ROOT, FORMAT, t.id(), SweepDefinition.describe(t.settings()), t.epochs(), accuracy,
                    status);
            out.flush();
        }
    }
}
