package org.dl4jworkbench.app.ui.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dl4jworkbench.core.run.DatasetDescription;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.dl4jworkbench.core.train.EpochEvent;
import org.dl4jworkbench.core.train.IterationEvent;
import org.dl4jworkbench.core.train.TrainingMonitor;

/**
 * Hands what another process writes into a run folder to a {@link TrainingMonitor}, as the
 * window's own runs report: each new row of {@code iterations.csv} as an iteration, each new
 * row of {@code epochs.csv} as an epoch. Iterations are read from where the last read ended
 * (a long run's file holds tens of thousands of rows, read four times a second); only whole
 * lines count. Reads files: call it off the FX thread, from one thread.
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
        for (String line : newLines(folder.file(RunFolder.ITERATIONS))) {
            String[] f = line.split(",", -1);
            if (f.length == 6 && !f[0].equals("iteration")) {
                iteration(f);
            }
        }
        if (Files.isRegularFile(folder.file(RunFolder.EPOCHS))) {
            List<EpochEvent> epochs = folder.readEpochs();
            for (EpochEvent e : epochs.subList(Math.min(epochsRead, epochs.size()), epochs.size())) {
                monitor.onEpoch(new EpochEvent(e.epoch(), training.epochs(), e.trainLoss(), e.trainAccuracy(),
                        e.validationLoss(), e.validationAccuracy(), e.imagesPerSecond(), e.duration(), e.eta()));
            }
            epochsRead = Math.max(epochsRead, epochs.size());
        }
    }

    private void iteration(String[] f) {
        try {
            int epoch = Integer.parseInt(f[1]);
            int batch = Integer.parseInt(f[2]);
            double imagesPerSecond = number(f[5]);
            int perEpoch = Math.max(batches, batch);
            long left = (long) (training.epochs() - epoch) * perEpoch + perEpoch - batch;
            Duration eta = imagesPerSecond > 0
                    ? Duration.ofMillis((long) (left * training.batchSize() / imagesPerSecond * 1000)) : Duration.ZERO;
            monitor.onIteration(new IterationEvent(epoch, training.epochs(), batch, perEpoch, Long.parseLong(f[0]),
                    number(f[3]), number(f[4]), imagesPerSecond, eta));
        } catch (NumberFormatException e) {
            // not a row of numbers: not data (RunFolder writes numbers only)
        }
    }

    /** The whole lines added to {@code file} since the last call. */
    private List<String> newLines(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) <= iterationBytes) {
            return List.of();
        }
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(iterationBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                    channel.size() - iterationBytes));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read what is there now
            }
            bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a row still being written waits for the next read
        }
        iterationBytes += end;
        return new String(bytes, 0, end, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
