package org.dl4jworkbench.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.Splits;
import org.dl4jworkbench.core.model.LoadedModel;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.Fitter;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;

/**
 * One training run into its run folder, the same from the command line and the window: the
 * spec and dataset description first, metrics and a checkpoint every epoch, and at the end
 * the model (unless training diverged), the evaluation and the final summary; a
 * {@link RunFolderListener} adds what a face draws from them (the app's curves).
 * {@link #execute} blocks: call it on a thread of its own, never a UI thread. Resuming a
 * stopped or killed run starts with {@link ResumePlan}, which checks it can be resumed. A run
 * holds its folder's {@link RunLock} from its start to the end of {@link #execute}, so no
 * other workbench trains into the folder meanwhile.
 */
public final class TrainingRun {

    private final NetworkSpec spec;
    private final Dataset data;
    private final RunFolder folder;
    private final Trainer trainer;
    private final RunRecorder recorder;
    private final RunLock lock;
    private Normalizer normalizer;
    private boolean executed;

    private TrainingRun(NetworkSpec spec, Dataset data, RunFolder folder, Trainer trainer, RunRecorder recorder,
                        RunLock lock) {
        this.spec = spec;
        this.data = data;
        this.folder = folder;
        this.trainer = trainer;
        this.recorder = recorder;
        this.lock = lock;
    }

    /**
     * A new run in {@code out}, or in a new folder under {@code parent} where {@code out} is null.
     * The run holds its folder's {@link RunLock} from now until {@link #execute} ends.
     *
     * @throws RunLockedException where {@code out} is a run that a workbench trains now
     */
    public static TrainingRun start(NetworkSpec spec, Dataset data, String datasetSpec, Path out, Path parent,
                                    String backend) throws IOException {
        RunFolder folder = out != null ? RunFolder.at(out) : RunFolder.createUnder(parent, spec.name());
        RunLock lock = folder.lock();
        try {
            folder.writeSpec(spec);
            var split = Splits.stratified(data.train(), spec.data().validationSplit(), spec.training().seed());
            folder.writeDataset(new DatasetDescription(datasetSpec, data.name(), data.fingerprint(),
                    data.classNames(), split.kept().size(), split.heldOut().size(), data.test().size(),
                    data.train().height(), data.train().width(), data.train().channels()));
            var recorder = new RunRecorder(folder, spec.name(), data.name(), backend, spec.training().epochs(), null);
            return new TrainingRun(spec, data, folder, Trainer.withCheckpoints(spec, data, folder.checkpoints()),
                    recorder, lock);
        } catch (IOException | RuntimeException e) {
            lock.releaseAfter(e);
            throw e;
        }
    }

    /**
     * Continues {@code folder} from its last checkpoint under {@code lock}, which the run holds
     * until {@link #execute} ends; {@link ResumePlan#start} checks data and epochs first.
     */
    static TrainingRun resume(NetworkSpec spec, Dataset data, RunFolder folder, RunSummary previous, String backend,
                              RunLock lock) throws IOException {
        var recorder = new RunRecorder(folder, spec.name(), data.name(), backend, spec.training().epochs(), previous);
        return new TrainingRun(spec, data, folder, Trainer.resume(spec, data, folder.checkpoints()), recorder, lock);
    }

    /**
     * The same run with its minibatches fitted by {@code fitter} (a cluster) instead of on the
     * thread that executes it; the folder, records and checkpoints are the same.
     */
    public TrainingRun withFitter(Fitter fitter) {
        return new TrainingRun(spec, data, folder, trainer.withFitter(fitter), recorder, lock);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Dataset data() {
        return data;
    }

    public RunFolder folder() {
        return folder;
    }

    public Trainer trainer() {
        return trainer;
    }

    /**
     * A model of {@code network}, a snapshot taken between two minibatches
     * ({@code trainer().control().snapshot()}), with the run's classes and normalizer, to predict
     * with while the run trains. The normalizer is the one the trainer computes for a new run
     * from the same split (a resumed run kept the one its first part computed: the same).
     */
    public LoadedModel snapshotModel(Network network, int epochsCompleted) {
        return new LoadedModel(network, metadata(normalizer(), epochsCompleted, Double.NaN), spec, Duration.ZERO);
    }

    private synchronized Normalizer normalizer() {
        if (normalizer == null) {
            normalizer = spec.data().normalization() == Normalization.STANDARDIZE
                    ? Normalizer.standardize(Splits.stratified(data.train(), spec.data().validationSplit(),
                    spec.training().seed()).kept())
                    : Normalizer.of(spec.data().normalization(), null);
        }
        return normalizer;
    }

    /**
     * Trains, then saves what the run produced. {@code files} adds its files after every epoch
     * and at the end; {@code warnings} hears about things that did not work but do not fail
     * the run: what {@code files} failed with (its message says what it was writing). The
     * folder's lock is released when it returns, however it ends; a run executes once.
     */
    public TrainingResult execute(TrainingListener listener, RunFolderListener files, Consumer<String> warnings)
            throws IOException {
        synchronized (this) {
            if (executed) {
                throw new IllegalStateException("a training run executes once: " + folder.dir());
            }
            executed = true;
        }
        try (lock) {
            return train(listener, files, warnings);
        }
    }

    private TrainingResult train(TrainingListener listener, RunFolderListener files, Consumer<String> warnings)
            throws IOException {
        recorder.start();
        TrainingListener afterEpoch = new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                tellFiles(files, warnings, f -> f.epochWritten(folder, event.epoch()));
            }
        };
        try {
            // The recorder before afterEpoch: the files listener finds the epoch's row in the folder.
            TrainingResult result = trainer.train(TrainingListener.all(listener, recorder, afterEpoch));
            if (result.reason() != StopReason.DIVERGED) { // a diverged network's weights are NaN
                ModelFiles.save(result.network(), metadata(result), folder.model());
            }
            folder.writeJson(RunFolder.EVALUATION, EvaluationReport.of(data.name(), result.test()));
            recorder.finish(result);
            tellFiles(files, warnings, f -> f.runWritten(folder));
            return result;
        } catch (RuntimeException | IOException e) {
            recorder.fail(e.getMessage());
            throw e;
        }
    }

    private void tellFiles(RunFolderListener files, Consumer<String> warnings, FilesStep step) {
        try {
            step.run(files);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            warnings.accept(why + "; the metrics are in " + folder.dir());
        }
    }

    @FunctionalInterface
    private interface FilesStep {
        void run(RunFolderListener files) throws IOException;
    }

    private ModelMetadata metadata(TrainingResult result) {
        return metadata(result.normalizer(), result.epochsCompleted(), result.test().accuracy());
    }

    private ModelMetadata metadata(Normalizer used, int epochs, double testAccuracy) {
        String version = TrainingRun.class.getPackage().getImplementationVersion();
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, version == null ? "development" : version,
                "1.0.0-M2.1", Instant.now().toString(), data.classNames(), spec.input().height(), spec.input().width(),
                spec.input().channels(), used, data.name(), epochs, testAccuracy, SpecJson.toTree(spec));
    }
}
