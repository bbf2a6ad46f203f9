package org.dl4jworkbench.core.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.compile.InvalidNetworkException;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Trains a network spec on a dataset, synchronously on the caller's thread, minibatch by
 * minibatch (not {@code fit(iterator)}, which cannot be stopped and holds the network's lock
 * for a whole epoch). Each epoch visits the training images in a new order drawn from the
 * spec's seed. {@link #requestStop()} may be called from any thread.
 */
public final class Trainer {

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
        ImageSet train = data.train();
        int batchSize = settings.batchSize();
        int batches = (train.size() + batchSize - 1) / batchSize;
        MultiLayerNetwork net = new MultiLayerNetwork(SpecCompiler.compile(spec, batches));
        net.init();
        ISchedule learningRate = SpecCompiler.schedule(settings, batches);
        int epochs = settings.epochs();
        long totalImages = (long) train.size() * epochs;
        int[] order = Batches.identity(train.size());
        Random random = new Random(settings.seed());
        List<EpochEvent> history = new ArrayList<>();
        StopReason reason = StopReason.COMPLETED;
        String message = "";
        long runStart = System.nanoTime();
        long imagesDone = 0;
        long iteration = 0;

        epochs:
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            long epochStart = System.nanoTime();
            long epochImages = 0;
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                if (stopRequested) {
                    reason = StopReason.STOPPED;
                    message = "stopped on request in epoch " + epoch + " after " + b + " of " + batches + " batches";
                    break epochs;
                }
                int from = b * batchSize;
                int to = Math.min(train.size(), from + batchSize);
                DataSet batch = Batches.batch(train, order, from, to);
                double lr = learningRate.valueAt(net.getIterationCount(), net.getEpochCount());
                net.fit(batch);
                double loss = net.score();
                iteration++;
                epochImages += to - from;
                imagesDone += to - from;
                lossSum += loss * (to - from);
                if (!Double.isFinite(loss)) {
                    reason = StopReason.DIVERGED;
                    message = "the loss became " + loss + " in epoch " + epoch + ", batch " + (b + 1)
                            + ": training diverged. Lower the learning rate (now " + settings.learningRate()
                            + "), for example to " + settings.learningRate() / 10 + ".";
                    break epochs;
                }
                double rate = epochImages / seconds(epochStart);
                listener.onIteration(new IterationEvent(epoch, epochs, b + 1, batches, iteration, loss, lr, rate,
                        eta(totalImages - imagesDone, rate)));
            }
            net.incrementEpochCount(); // fit(DataSet) does not count epochs; epoch-based schedules need it
            double rate = epochImages / seconds(epochStart);
            EpochEvent event = new EpochEvent(epoch, epochs, lossSum / epochImages, rate,
                    Duration.ofNanos(System.nanoTime() - epochStart), eta(totalImages - imagesDone, rate));
            history.add(event);
            listener.onEpoch(event);
        }
        double trainSeconds = seconds(runStart);
        Evaluation test = Evaluator.evaluate(net, data.test(), Math.max(batchSize, 256));
        return new TrainingResult(net, reason, message, history.size(), history, test,
                Duration.ofNanos(System.nanoTime() - runStart), imagesDone / trainSeconds);
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
