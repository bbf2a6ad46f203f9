package org.dl4jworkbench.app.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.app.charts.CurvesChart;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.pretrained.NotInstalledException;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.run.ResumeException;
import org.dl4jworkbench.core.run.ResumePlan;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.TrainingRun;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.train.Fitter;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.TrainingResult;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a network on a dataset, evaluates it on the test split and saves the model, with a "
                + "checkpoint after every epoch. Ctrl+C stops after the current minibatch and keeps the model.",
            "Ends with one line of JSON: test_accuracy, epochs, seconds, images_per_second, model, run, ..."})
public class TrainCommand implements Callable<Integer> {

    /** Where runs go without --out. */
    private static final Path RUNS = Path.of("runs");

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--dataset", paramLabel = "SPEC", defaultValue = Datasets.DEFAULT,
            description = "mnist-mini (embedded, the default), idx:DIR (MNIST-format IDX files), cifar10:DIR "
                    + "(CIFAR-10 binary batches), folder:DIR (a subfolder of images per class), or a downloaded "
                    + "catalogue dataset (mnist, cifar10; see 'workbench datasets list').")
    String dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the network's setting).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (default: the network's setting).")
    Integer batch;

    @Option(names = "--validation", paramLabel = "SHARE",
            description = "Share of the training images held back to validate on after each epoch, 0 to 0.5 "
                    + "(default: the network's setting).")
    Double validation;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop when the validation metric has not improved for PATIENCE epochs, keeping the best "
                    + "epoch's weights.")
    Integer patience;

    @Option(names = "--stop-metric", paramLabel = "METRIC", defaultValue = "validation-loss",
            description = "What early stopping watches: validation-loss (default) or validation-accuracy.")
    String stopMetric;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run folder to write (default: a new folder under ./runs).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue a run from its last checkpoint (after a crash, kill or Ctrl+C), with its own "
                    + "network and dataset; --epochs may extend it.")
    Path resume;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws UserError, InvalidDataException, IOException, BackendUnavailableException {
        PrintWriter err = command.commandLine().getErr();
        return resume != null ? resumeRun(err) : newRun(err); // faults: ErrorMapper
    }

    private int newRun(PrintWriter err) throws UserError, InvalidDataException, IOException,
            BackendUnavailableException {
        NetworkSpec spec = withOverrides(network.load());
        checkBeforeLoading();
        Fitter fitter = fitter(spec, err);
        Dataset data = load(dataset, spec, err);
        String backend = backend();
        err.println("Backend: " + backend);
        return train(with(fitter, TrainingRun.start(spec, data, dataset, out, RUNS, backend)), err);
    }

    private int resumeRun(PrintWriter err) throws UserError, InvalidDataException, IOException,
            BackendUnavailableException {
        try {
            ResumePlan plan = ResumePlan.of(resume, epochs);
            Fitter fitter = fitter(plan.spec(), err);
            Dataset data = load(plan.dataset().spec(), plan.spec(), err);
            plan.checkData(data);
            String backend = backend();
            err.println("Backend: " + backend);
            TrainingRun run = with(fitter, plan.start(data, backend));
            err.printf(Locale.ROOT, "Resuming %s after epoch %d of %d (iteration %,d)%n", plan.folder().dir(),
                    plan.state().epoch(), plan.spec().training().epochs(), plan.state().iteration());
            return train(run, err);
        } catch (ResumeException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** What trains, for the log and the run's summary: ND4J's backend here. */
    protected String backend() throws BackendUnavailableException {
        return Backend.load().toString();
    }

    /**
     * Where {@code spec}'s minibatches are fitted: null for here, on this thread (train). A face
     * that trains elsewhere (a Spark cluster) gives its {@link Fitter}, or says with a
     * {@link UserError} why it cannot train {@code spec}; asked before the dataset is loaded.
     */
    protected Fitter fitter(NetworkSpec spec, PrintWriter err) throws UserError {
        return null;
    }

    private static TrainingRun with(Fitter fitter, TrainingRun run) {
        return fitter == null ? run : run.withFitter(fitter);
    }

    private int train(TrainingRun training, PrintWriter err) throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        var progress = new ProgressPrinter(err, System.console() != null);
        var done = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            training.trainer().control().stop();
            try {
                done.await(60, TimeUnit.SECONDS); // let the run save its model before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            TrainingResult result = training.execute(progress, CurvesChart.FILES,
                    warning -> err.println("warning: " + warning));
            progress.finish();
            if (result.reason() != StopReason.COMPLETED) {
                err.println(result.reason() == StopReason.DIVERGED ? "error: " + result.message()
                        : capitalize(result.message()));
            }
            boolean diverged = result.reason() == StopReason.DIVERGED;
            printSummary(result, training, diverged, err, stdout);
            return diverged ? 1 : 0;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is waiting for us and may go on now
            }
        }
    }

    private void printSummary(TrainingResult result, TrainingRun training, boolean diverged, PrintWriter err,
                              PrintWriter stdout) throws IOException {
        RunFolder run = training.folder();
        if (result.test().total() == 0) {
            err.printf(Locale.ROOT, "Not evaluated: %s after %d epoch(s); %s%n", result.message().isEmpty()
                    ? "no test images" : result.message(), result.epochsCompleted(),
                    diverged ? "model not saved" : "model saved to " + run.model());
        } else {
            err.printf(Locale.ROOT, "Test accuracy %.2f%% (%,d of %,d) after %d epoch(s); %s%n",
                    result.test().accuracy() * 100, result.test().correct(), result.test().total(),
                    result.epochsCompleted(), diverged ? "model not saved" : "model saved to " + run.model());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("test_accuracy", result.test().total() == 0 ? null : round(result.test().accuracy(), 4));
        summary.put("epochs", result.epochsCompleted());
        summary.put("seconds", round(result.duration().toMillis() / 1000.0, 1));
        summary.put("images_per_second", round(result.imagesPerSecond(), 1));
        summary.put("model", diverged ? null : run.model().toAbsolutePath().toString());
        summary.put("run", run.dir().toAbsolutePath().toString());
        summary.put("network", training.spec().name());
        summary.put("dataset", training.data().name());
        summary.put("stop_reason", result.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (result.bestEpoch() != null) {
            summary.put("best_epoch", result.bestEpoch());
        }
        stdout.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    }

    private Dataset load(String spec, NetworkSpec network, PrintWriter err) throws InvalidDataException, UserError {
        err.println("Loading dataset " + spec + " ...");
        try {
            Pretrained.requireInstalled(network, WorkbenchDirs.data()); // before minutes of decoding
        } catch (NotInstalledException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset data = DatasetLoading.open(spec, network.input(), err);
        DatasetLoading.describe(data, err);
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(network, data.shape());
        analysis.problems().forEach(p -> err.println(p));
        if (!analysis.isValid()) {
            throw new UserError("network '" + network.name() + "' cannot train on " + data.name()
                    + " until the problems above are fixed");
        }
        var t = network.training();
        err.printf(Locale.ROOT, "Network %s: %,d parameters; %s, learning rate %s (%s%s), batch %d, %d epoch(s)%s%n",
                network.name(), analysis.totalParameters(), t.optimizer().id(),
                BigDecimal.valueOf(t.learningRate()).stripTrailingZeros().toPlainString(), t.schedule(),
                t.warmupEpochs() > 0 ? ", warm-up " + t.warmupEpochs() + " epoch(s)" : "", t.batchSize(), t.epochs(),
                t.earlyStopping() == null ? "" : ", early stopping on " + t.earlyStopping().metric().id()
                        + " (patience " + t.earlyStopping().patience() + ")");
        return data;
    }

    /**
     * What can be checked in a moment, before loading data and training take minutes: the
     * dataset's folder exists, the run folder can be written, and no workbench trains into it now.
     */
    private void checkBeforeLoading() throws UserError {
        Optional<Path> folder = Datasets.folderOf(dataset);
        if (folder.isPresent()) {
            Path dir = folder.get();
            if (!Files.isDirectory(dir)) {
                throw new UserError("--dataset " + dataset + ": " + dir + (Files.exists(dir) ? " is a file, not a "
                        + "folder" : " does not exist") + ". Give the folder that holds the dataset's files");
            }
        }
        if (out != null && Files.isDirectory(out)) {
            OptionalLong trainer;
            try {
                trainer = RunFolder.at(out).trainingProcess();
            } catch (IOException e) {
                trainer = OptionalLong.empty(); // the run's start takes the lock, or says why it cannot
            }
            if (trainer.isPresent()) {
                throw new UserError("--out " + out + ": a workbench trains a run there now (pid "
                        + trainer.getAsLong() + "); wait for it to end or stop it, or choose another --out");
            }
        }
        String option = out != null ? "--out " + out : "the runs folder " + RUNS.toAbsolutePath();
        Path dir = (out != null ? out : RUNS).toAbsolutePath();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserError(option + ": " + existing + " is a file, not a folder. Choose another folder "
                    + "with --out");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".workbench-write-check", ".tmp"));
        } catch (IOException e) {
            throw new UserError(option + ": cannot write in " + existing + " (" + (e instanceof AccessDeniedException
                    ? "permission denied" : e.getMessage()) + "). Choose a folder you may write to with --out");
        }
    }

    private NetworkSpec withOverrides(NetworkSpec spec) throws UserError {
        var training = spec.training();
        if (patience != null) {
            var metric = java.util.Arrays.stream(EarlyStoppingSpec.Metric.values())
                    .filter(m -> m.id().equals(stopMetric)).findFirst()
                    .orElseThrow(() -> new UserError("--stop-metric must be validation-loss or validation-accuracy, "
                            + "not '" + stopMetric + "'"));
            training = training.withEarlyStopping(new EarlyStoppingSpec(metric, patience, 0));
        }
        if (epochs != null) {
            training = training.withEpochs(epochs);
        }
        if (batch != null) {
            training = training.withBatchSize(batch);
        }
        var result = spec.withTraining(training);
        return validation == null ? result : result.withData(result.data().withValidationSplit(validation));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
