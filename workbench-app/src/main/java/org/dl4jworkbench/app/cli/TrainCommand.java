package org.dl4jworkbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.backend.Backend;
import org.dl4jworkbench.core.backend.BackendUnavailableException;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.InvalidDataException;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingResult;
import org.dl4jworkbench.core.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a network on a dataset, evaluates it on the test split and saves the model.",
            "Ends with one line of JSON: test_accuracy, epochs, seconds, images_per_second, model, run."})
final class TrainCommand implements Callable<Integer> {

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

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run folder to write (default: a new folder under ./runs).")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = command.commandLine().getErr();
        PrintWriter stdout = command.commandLine().getOut();
        NetworkSpec spec;
        Dataset data;
        try {
            spec = withOverrides(network.load());
            err.println("Loading dataset " + dataset + " ...");
            data = DatasetLoading.open(dataset, spec.input(), err);
        } catch (UserError | InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return WorkbenchCommand.BAD_INPUT;
        }
        DatasetLoading.describe(data, err);

        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec, data.shape());
        analysis.problems().forEach(p -> err.println(p));
        if (!analysis.isValid()) {
            err.println("error: network '" + spec.name() + "' cannot train on " + data.name()
                    + " until the problems above are fixed");
            return WorkbenchCommand.BAD_INPUT;
        }
        var t = spec.training();
        err.printf(Locale.ROOT, "Network %s: %,d parameters; %s, learning rate %s (%s%s), batch %d, %d epoch(s)%n",
                spec.name(), analysis.totalParameters(), t.optimizer().id(), t.learningRate(), t.schedule(),
                t.warmupEpochs() > 0 ? ", warm-up " + t.warmupEpochs() + " epoch(s)" : "", t.batchSize(), t.epochs());

        try {
            err.println("Backend: " + Backend.load());
        } catch (BackendUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }

        RunFolder run = out != null ? RunFolder.at(out) : RunFolder.createUnder(Path.of("runs"), spec.name());
        run.writeSpec(spec);
        var progress = new ProgressPrinter(err, System.console() != null, run);
        var trainer = new Trainer(spec, data);
        TrainingResult result = trainer.train(progress);
        progress.finish();
        if (result.reason() != StopReason.COMPLETED) {
            err.println(result.reason() == StopReason.DIVERGED ? "error: " + result.message() : result.message());
        }

        boolean diverged = result.reason() == StopReason.DIVERGED;
        if (!diverged) { // a diverged network's weights are NaN: nothing worth keeping
            ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, Version.workbench(),
                    "1.0.0-M2.1", Instant.now().toString(), data.classNames(), spec.input().height(),
                    spec.input().width(), spec.input().channels(), result.normalizer(), data.name(),
                    result.epochsCompleted(), result.test().accuracy(), SpecJson.toTree(spec));
            ModelFiles.save(result.network(), metadata, run.model());
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("test_accuracy", round(result.test().accuracy(), 4));
        summary.put("epochs", result.epochsCompleted());
        summary.put("seconds", round(result.duration().toMillis() / 1000.0, 1));
        summary.put("images_per_second", round(result.imagesPerSecond(), 1));
        summary.put("model", diverged ? null : run.model().toAbsolutePath().toString());
        summary.put("run", run.dir().toAbsolutePath().toString());
        summary.put("network", spec.name());
        summary.put("dataset", data.name());
        summary.put("stop_reason", result.reason().name().toLowerCase(Locale.ROOT));
        run.writeJson("result.json", summary);
        err.printf(Locale.ROOT, "Test accuracy %.2f%% (%,d of %,d) after %d epoch(s); %s%n",
                result.test().accuracy() * 100, result.test().correct(), result.test().total(),
                result.epochsCompleted(), diverged ? "model not saved" : "model saved to " + run.model());
        stdout.println(Json.mapper().writer().without(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        return diverged ? 1 : 0;
    }

    private NetworkSpec withOverrides(NetworkSpec spec) {
        var training = spec.training();
        if (epochs != null) {
            training = training.withEpochs(epochs);
        }
        if (batch != null) {
            training = training.withBatchSize(batch);
        }
        var result = spec.withTraining(training);
        return validation == null ? result : result.withData(result.data().withValidationSplit(validation));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
