package org.dl4jworkbench.core.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.data.Augmenter;
import org.dl4jworkbench.core.data.BatchSource;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.Splits;
import org.dl4jworkbench.core.spec.DataSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Trains a network spec on a dataset, synchronously on the caller's thread, minibatch by
 * minibatch (not {@code fit(iterator)}, which cannot be stopped and holds the network's lock
 * for a whole epoch). The spec's validation share of the training images is held back
 * (stratified, from the training seed) and evaluated after every epoch. Minibatches are
 * prepared (augmented, normalized) ahead on a background thread. Each epoch visits the
 * training images in a new order drawn from the seed. {@link #requestStop()} may be called
 * from any thread.
 */
public final class Trainer {

    /** Training images evaluated after each epoch to report training accuracy. */
    static final int TRAIN_ACCURACY_SAMPLE = 2_000;

    private final NetworkSpec spec;
    private final Dataset data;
    private volatile boolean stopRequested;

    public Trainer(NetworkSpec spec, Dataset data) {
        this.spec = spec;
        this.data = data;
    }

    /** Ends the run after the current minibatch; the model trained so far is kept and evaluated. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * @throws InvalidNetworkException where the spec has errors or does not fit the dataset
     */
    public TrainingResult train(TrainingListener listener) {
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec, data.shape());
        if (!analysis.isValid()) {
            throw new InvalidNetworkException(analysis.errors());
        }
        TrainingSpec settings = spec.training();
        DataSpec dataSpec = spec.data();
        Splits.Split split = Splits.stratified(data.train(), dataSpec.validationSplit(), settings.seed());
        ImageSet train = split.kept();
        ImageSet validation = split.heldOut();
        Normalizer normalizer = dataSpec.normalization() == Normalization.STANDARDIZE
                ? Normalizer.standardize(train) : Normalizer.scale();
        ImageSet trainSample = sample(train, settings.seed());
        int batchSize = settings.batchSize();
        int batches = (train.size() + batchSize - 1) / batchSize;
        MultiLayerNetwork net = new MultiLayerNetwork(SpecCompiler.compile(spec, batches));
        net.init();
        ISchedule learningRate = SpecCompiler.schedule(settings, batches);
        var augmenter = new Augmenter(dataSpec.augmentation());

        int epochs = settings.epochs();
        long totalImages = (long) train.size() * epochs;
        int[] order = Batches.identity(train.size());
        Random random = new Random(settings.seed());
        List<EpochEvent> history = new ArrayList<>();
        StopReason reason = StopReason.COMPLETED;
        String message = "";
        long runStart = System.nanoTime();
        long imagesDone = 0;
        long trainNanos = 0; // minibatch time only, without evaluations
        long iteration = 0;
        int evalBatch = Math.max(batchSize, 256);
        ExecutorService prepare = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prepare-batches");
            t.setDaemon(true);
            return t;
        });
        try {
            epochs:
            for (int epoch = 1; epoch <= epochs; epoch++) {
                shuffle(order, random);
                long epochStart = System.nanoTime();
                long epochImages = 0;
                double lossSum = 0;
                try (var source = new BatchSource(train, order, batchSize, normalizer, augmenter,
                        settings.seed() * 31 + epoch, prepare)) {
                    for (int b = 0; source.hasNext(); b++) {
                        if (stopRequested) {
                            reason = StopReason.STOPPED;
                            message = "stopped on request in epoch " + epoch + " after " + b + " of " + batches
                                    + " batches";
                            trainNanos += System.nanoTime() - epochStart;
                            break epochs;
                        }
                        DataSet batch = source.next();
                        int n = batch.numExamples();
                        double lr = learningRate.valueAt(net.getIterationCount(), net.getEpochCount());
                        net.fit(batch);
                        double loss = net.score();
                        iteration++;
                        epochImages += n;
                        imagesDone += n;
                        lossSum += loss * n;
                        if (!Double.isFinite(loss)) {
                            reason = StopReason.DIVERGED;
                            message = "the loss became " + loss + " in epoch " + epoch + ", batch " + (b + 1)
                                    + ": training diverged. Lower the learning rate (now " + settings.learningRate()
                                    + "), for example to " + settings.learningRate() / 10 + ".";
                            trainNanos += System.nanoTime() - epochStart;
                            break epochs;
                        }
                        double rate = epochImages / seconds(epochStart);
                        listener.onIteration(new IterationEvent(epoch, epochs, b + 1, batches, iteration, loss, lr,
                                rate, eta(totalImages - imagesDone, rate)));
                    }
                }
                net.incrementEpochCount(); // fit(DataSet) does not count epochs; epoch-based schedules need it
                double rate = epochImages / seconds(epochStart);
                Duration duration = Duration.ofNanos(System.nanoTime() - epochStart);
                trainNanos += duration.toNanos();
                Evaluation onValidation = Evaluator.evaluate(net, validation, evalBatch, normalizer);
                Evaluation onTrain = Evaluator.evaluate(net, trainSample, evalBatch, normalizer);
                EpochEvent event = new EpochEvent(epoch, epochs, lossSum / epochImages, onTrain.accuracy(),
                        onValidation.loss(), onValidation.accuracy(), rate, duration,
                        eta(totalImages - imagesDone, rate));
                history.add(event);
                listener.onEpoch(event);
            }
        } finally {
            prepare.shutdownNow();
        }
        Evaluation test = Evaluator.evaluate(net, data.test(), evalBatch, normalizer);
        return new TrainingResult(net, normalizer, reason, message, history.size(), history, test,
                Duration.ofNanos(System.nanoTime() - runStart), imagesDone / Math.max(1e-9, trainNanos / 1e9));
    }

    /** A fixed random sample of the training images for the training-accuracy measurement. */
    private static ImageSet sample(ImageSet train, long seed) {
        if (train.size() <= TRAIN_ACCURACY_SAMPLE) {
            return train;
        }
        int[] order = Batches.identity(train.size());
        shuffle(order, new Random(seed ^ 0x5DEECE66DL));
        int[] chosen = java.util.Arrays.copyOf(order, TRAIN_ACCURACY_SAMPLE);
        java.util.Arrays.sort(chosen);
        return train.subset(chosen);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double seconds(long since) {
        return Math.max(1e-9, (System.nanoTime() - since) / 1e9);
    }

    private static Duration eta(long imagesLeft, double imagesPerSecond) {
        return imagesPerSecond <= 0 ? Duration.ZERO : Duration.ofMillis((long) (imagesLeft / imagesPerSecond * 1000));
    }
}
