package org.dl4jworkbench.app.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.dl4jworkbench.core.run.DatasetDescription;
import org.dl4jworkbench.core.run.IterationRecord;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingMonitor;

/**
 * Hands what another process writes into a run folder to a {@link TrainingMonitor}, as the
 * window's own runs report: each new row of {@code iterations.csv} as an iteration, each new
 * row of {@code epochs.csv} as an epoch. Iterations are read from where the last read ended
 * ({@link RunFolder#readIterationsFrom}). Reads files: call it off the FX thread, from one thread.
 */
final class RunFolderFeed {

    private final RunFolder folder;
    private final TrainingMonitor monitor;
    private final TrainingSpec training;
    private long iterationBytes;
    private int epochsRead;
    private int batches;

    RunFolderFeed(RunFolder folder, TrainingMonitor monitor, TrainingSpec training) {
        this.folder = folder;
        this.monitor = monitor;
        this.training = training;
    }

    /** Reads what is new. */
    void poll() throws IOException {
        if (batches == 0 && Files.isRegularFile(folder.file(RunFolder.DATASET))) {
            DatasetDescription d = folder.readDataset(); // written before the first minibatch
            batches = Math.max(1, (d.trainImages() + training.batchSize() - 1) / training.batchSize());
        }
        RunFolder.IterationsRead read = folder.readIterationsFrom(iterationBytes);
        iterationBytes = read.next();
        read.records().forEach(this::iteration);
        if (Files.isRegularFile(folder.file(RunFolder.EPOCHS))) {
            List<EpochEvent> epochs = folder.readEpochs();
            for (EpochEvent e : epochs.subList(Math.min(epochsRead, epochs.size()), epochs.size())) {
                monitor.onEpoch(new EpochEvent(e.epoch(), training.epochs(), e.trainLoss(), e.trainAccuracy(),
                        e.validationLoss(), e.validationAccuracy(), e.imagesPerSecond(), e.duration(), e.eta()));
            }
            epochsRead = Math.max(epochsRead, epochs.size());
        }
    }

    private void iteration(IterationRecord r) {
        int perEpoch = Math.max(batches, r.batch());
        long left = (long) (training.epochs() - r.epoch()) * perEpoch + perEpoch - r.batch();
        Duration eta = r.imagesPerSecond() > 0
                ? Duration.ofMillis((long) (left * training.batchSize() / r.imagesPerSecond() * 1000)) : Duration.ZERO;
        monitor.onIteration(new IterationEvent(r.epoch(), training.epochs(), r.batch(), perEpoch, r.iteration(),
                r.loss(), r.learningRate(), r.imagesPerSecond(), eta));
    }
}
