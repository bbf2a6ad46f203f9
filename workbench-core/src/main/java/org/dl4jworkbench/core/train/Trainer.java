package org.dl4jworkbench.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.dl4jworkbench.core.compile.TransferCompiler;
import org.dl4jworkbench.core.data.WorkbenchDirs;
import org.dl4jworkbench.core.pretrained.BackboneLoader;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.Backbones;
import org.deeplearning4j.nn.transferlearning.TransferLearningHelper;
import org.dl4jworkbench.core.data.Augmenter;
import org.dl4jworkbench.core.data.BatchSource;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.data.Splits;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.spec.DataSpec;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Trains a network spec on a dataset, synchronously on the caller's thread, minibatch by
 * minibatch (not {@code fit(iterator)}, which cannot be stopped and holds the network's lock
 * for a whole epoch). The spec's validation share of the training images is held back
 * (stratified, from the training seed) and evaluated after every epoch; minibatches are
 * prepared (augmented, normalized) ahead on a background thread; each epoch's order comes
 * from the seed and the epoch number alone, so a resumed run sees the same orders as an
 * uninterrupted one. {@link #control()} pauses, resumes, stops and snapshots from any thread.
 * With a checkpoint folder, every epoch ends with a checkpoint a later run can resume from.
 */
public final class Trainer {

    /** Training images evaluated after each epoch to report training accuracy. */
    static final int TRAIN_ACCURACY_SAMPLE = 2_000;

    private final NetworkSpec spec;
    private final Dataset data;
    private final Checkpoints checkpoints;
    private final Network resumedNet;
    private final CheckpointState resumedState;
    private final BackboneLoader backbones;
    private final Path featureCache;
    /** Where minibatches are fitted when not on this thread (a cluster); null: here, one at a time. */
    private final Fitter fitter;
    private final TrainingControl control = new TrainingControl();

    public Trainer(NetworkSpec spec, Dataset data) {
        this(spec, data, null, null, null, Pretrained.installed(), WorkbenchDirs.cache(), null);
    }

    private Trainer(NetworkSpec spec, Dataset data, Checkpoints checkpoints, Network resumedNet,
                    CheckpointState resumedState, BackboneLoader backbones, Path featureCache, Fitter fitter) {
        this.spec = spec;
        this.data = data;
        this.checkpoints = checkpoints;
        this.resumedNet = resumedNet;
        this.resumedState = resumedState;
        this.backbones = backbones;
        this.featureCache = featureCache;
        this.fitter = fitter;
    }

    /**
     * The same trainer with pretrained networks from {@code loader} and a frozen backbone's
     * features cached under {@code cacheDir} (none where null). By default they come from the
     * workbench's data folder and go to its cache folder.
     */
    public Trainer withBackbones(BackboneLoader loader, Path cacheDir) {
        return new Trainer(spec, data, checkpoints, resumedNet, resumedState, loader, cacheDir, fitter);
    }

    /**
     * The same trainer fitting its minibatches with {@code fitter}, {@link Fitter#group()} at a
     * time (a cluster); everything else stays here. Not for a frozen backbone trained on cached
     * features ({@link #trainsOnCachedFeatures}).
     */
    public Trainer withFitter(Fitter fitter) {
        if (trainsOnCachedFeatures(spec)) {
            throw new IllegalArgumentException("network '" + spec.name() + "' trains its head on its frozen "
                    + "backbone's cached features, which only this computer has");
        }
        return new Trainer(spec, data, checkpoints, resumedNet, resumedState, backbones, featureCache, fitter);
    }

    /** Whether {@code spec} trains on its frozen backbone's features, computed once and cached. */
    public static boolean trainsOnCachedFeatures(NetworkSpec spec) {
        return spec.hasBackbone() && spec.backbone().isFrozen()
                && new Augmenter(spec.data().augmentation()).isIdentity();
    }

    /** A trainer that saves a checkpoint into {@code dir} after every epoch. */
    public static Trainer withCheckpoints(NetworkSpec spec, Dataset data, Path dir) {
        return new Trainer(spec, data, new Checkpoints(dir), null, null, Pretrained.installed(), WorkbenchDirs.cache(),
                null);
    }

    /**
     * A trainer that continues from the last checkpoint in {@code dir}: network and optimizer
     * state, epoch and iteration counters, normalizer and early-stopping state. {@code spec}
     * may raise the number of epochs.
     */
    public static Trainer resume(NetworkSpec spec, Dataset data, Path dir) throws IOException {
        var checkpoints = new Checkpoints(dir);
        CheckpointState state = checkpoints.readState();
        return new Trainer(spec, data, checkpoints, checkpoints.loadLast(state), state, Pretrained.installed(),
                WorkbenchDirs.cache(), null);
    }

    public TrainingControl control() {
        return control;
    }

    /** Same as {@code control().stop()}. */
    public void requestStop() {
        control.stop();
    }

    /** The epoch the run starts at: 1, or the one after the checkpoint it resumes. */
    public int firstEpoch() {
        return resumedState == null ? 1 : resumedState.epoch() + 1;
    }

    /**
     * @throws InvalidNetworkException where the spec has errors or does not fit the dataset
     * @throws IOException where a checkpoint cannot be written
     */
    public TrainingResult train(TrainingListener listener) throws IOException {
        NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec, data.shape());
        if (!analysis.isValid()) {
            throw new InvalidNetworkException(analysis.errors());
        }
        try {
            return new Run(listener).execute();
        } finally {
            control.finish();
        }
    }

    /** The state of one call of {@link #train}. */
    private final class Run {
        final TrainingListener listener;
        final TrainingSpec settings = spec.training();
        final EarlyStoppingSpec stopping = settings.earlyStopping();
        final ImageSet train;
        final ImageSet validation;
        final ImageSet trainSample;
        final int[] samplePositions;
        final Normalizer normalizer;
        final int batches;
        /** Optimizer steps of an epoch, which schedules count: one per minibatch here, fewer with a fitter. */
        final int steps;
        final Network net;
        /** With a frozen backbone and no augmentation: trains the layers after it on cached features. */
        final TransferLearningHelper features;
        FeatureSet trainFeatures;
        FeatureSet validationFeatures;
        FeatureSet sampleFeatures;
        final ISchedule learningRate;
        final List<EpochEvent> history = new ArrayList<>();
        StopReason reason = StopReason.COMPLETED;
        String message = "";
        int lastEpoch;
        long iteration;
        long imagesDone;
        long trainNanos;
        Integer bestEpoch;
        double bestMetric = Double.NaN;
        int sinceImprovement;
        INDArray bestParams;
        String bestModel;

        Run(TrainingListener listener) {
            this.listener = listener;
            DataSpec dataSpec = spec.data();
            Splits.Split split = Splits.stratified(data.train(), dataSpec.validationSplit(), settings.seed());
            train = split.kept();
            validation = split.heldOut();
            samplePositions = samplePositions(train, settings.seed());
            trainSample = samplePositions == null ? train : train.subset(samplePositions);
            batches = (train.size() + settings.batchSize() - 1) / settings.batchSize();
            steps = fitter == null ? batches : fitter.steps(batches);
            learningRate = SpecCompiler.schedule(settings, steps);
            if (resumedState != null) {
                normalizer = resumedState.normalizer();
                net = resumedNet;
                // The spec may have changed the number of epochs, and with it where the schedule ends.
                net.setLearningRate(learningRate);
                lastEpoch = resumedState.epoch();
                iteration = resumedState.iteration();
                imagesDone = resumedState.imagesDone();
                trainNanos = (long) (resumedState.trainingSeconds() * 1e9);
                bestEpoch = resumedState.bestEpoch();
                bestMetric = resumedState.bestMetric() == null ? Double.NaN : resumedState.bestMetric();
                sinceImprovement = resumedState.epochsWithoutImprovement();
                bestModel = resumedState.bestModel();
            } else {
                normalizer = Normalizer.of(dataSpec.normalization(), train);
                net = spec.hasBackbone() ? Network.of(TransferCompiler.compile(spec, loadBackbone(), steps))
                        : newSequential();
            }
            features = trainsOnCachedFeatures(spec) ? new TransferLearningHelper(net.graph().orElseThrow()) : null;
            if (features != null) {
                // The head trains in a graph of its own: give it the run's iteration count for the schedule.
                var head = features.unfrozenGraph().getConfiguration();
                var whole = net.graph().orElseThrow().getConfiguration();
                head.setIterationCount(whole.getIterationCount());
                head.setEpochCount(whole.getEpochCount());
            }
            OneDnnHelpers.install(net);
        }

        Network newSequential() {
            var sequential = new MultiLayerNetwork(SpecCompiler.compile(spec, steps));
            sequential.init();
            return Network.of(sequential);
        }

        Backbone backbone() {
            return Backbones.find(spec.backbone().model()).orElseThrow();
        }

        org.deeplearning4j.nn.graph.ComputationGraph loadBackbone() {
            try {
                return backbones.load(backbone());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The frozen backbone's features of the training, validation and sample images; false where stopped. */
        boolean computeFeatures() throws IOException {
            int total = train.size() + validation.size();
            int[] offset = {0};
            FeatureSet.Progress progress = (done, all) -> listener.onPreparing("computing " + backbone().title()
                    + " features", offset[0] + done, total);
            trainFeatures = featuresOf(train, progress, control::isStopRequested);
            offset[0] += train.size();
            validationFeatures = trainFeatures == null ? null
                    : featuresOf(validation, progress, control::isStopRequested);
            if (trainFeatures == null || validationFeatures == null) {
                reason = StopReason.STOPPED;
                message = "stopped on request while computing the backbone's features";
                return false;
            }
            sampleFeatures = samplePositions == null ? trainFeatures : trainFeatures.subset(samplePositions);
            return true;
        }

        /** The test images' evaluation; with cached features, theirs are computed now (the run may have ended early). */
        Evaluation evaluateTest(int evalBatch) throws IOException {
            if (features == null) {
                return Evaluator.evaluate(net, data.test(), evalBatch, normalizer);
            }
            FeatureSet test = featuresOf(data.test(), (done, all) -> listener.onPreparing("evaluating on the "
                    + "test images", done, all), () -> false);
            return Evaluator.evaluate(test, features::outputFromFeaturized, evalBatch);
        }

        /**
         * The frozen backbone's features of {@code images}, from the cache where an earlier run
         * computed them; null where cancelled. The whole backbone is frozen here, so its cut is the
         * frozen boundary.
         */
        FeatureSet featuresOf(ImageSet images, FeatureSet.Progress progress, java.util.function.BooleanSupplier
                cancelled) throws IOException {
            Backbone backbone = backbone();
            String key = backbone.id() + "@" + backbone.frozenUpTo(spec.backbone());
            return FeatureSet.of(net, backbone.cutAt(), key, images, normalizer, featureCache, progress, cancelled);
        }

        Evaluation evaluate(ImageSet images, FeatureSet cached, int evalBatch) {
            return features == null ? Evaluator.evaluate(net, images, evalBatch, normalizer)
                    : Evaluator.evaluate(cached, features::outputFromFeaturized, evalBatch);
        }

        /** Minibatches of the training images (or of their features) in {@code epoch}'s order. */
        Minibatches minibatches(int epoch, Augmenter augmenter, ExecutorService prepare) {
            int[] order = order(epoch);
            if (features != null) {
                return new Minibatches() {
                    int from;

                    @Override
                    public boolean hasNext() {
                        return from < order.length;
                    }

                    @Override
                    public DataSet next() {
                        int to = Math.min(order.length, from + settings.batchSize());
                        DataSet batch = trainFeatures.batch(order, from, to);
                        from = to;
                        return batch;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
            var source = new BatchSource(train, order, settings.batchSize(), normalizer, augmenter,
                    settings.seed() * 31 + epoch, prepare);
            return new Minibatches() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public DataSet next() {
                    return source.next();
                }

                @Override
                public void close() {
                    source.close();
                }
            };
        }

        /** Fits one minibatch here, or a group of them with the fitter; returns the loss after. */
        double fit(List<DataSet> group, int iterations) {
            if (fitter != null) {
                return fitter.fit(net, group, iterations);
            }
            DataSet batch = group.get(0);
            if (features != null) {
                features.fitFeaturized(batch); // also copies the new weights into the whole graph
            } else {
                net.fit(batch);
            }
            return loss();
        }

        double loss() {
            return features != null ? features.unfrozenGraph().score() : net.score();
        }

        /** Iterations and epochs as the optimizer counts them (the head's own, on cached features). */
        int[] counts() {
            if (features != null) {
                var head = features.unfrozenGraph();
                return new int[] {head.getIterationCount(), head.getEpochCount()};
            }
            return new int[] {net.iterationCount(), net.epochCount()};
        }

        TrainingResult execute() throws IOException {
            long runStart = System.nanoTime();
            if (features != null && !computeFeatures()) {
                return new TrainingResult(net, normalizer, reason, message, lastEpoch, history,
                        Evaluator.evaluate(net, data.test().head(0), 1, normalizer), bestEpoch,
                        Duration.ofNanos(System.nanoTime() - runStart), 0);
            }
            var augmenter = new Augmenter(spec.data().augmentation());
            int epochs = settings.epochs();
            int evalBatch = Math.max(settings.batchSize(), 256);
            ExecutorService prepare = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "prepare-batches");
                t.setDaemon(true);
                return t;
            });
            try {
                for (int epoch = firstEpoch(); epoch <= epochs; epoch++) {
                    long epochStart = System.nanoTime();
                    long epochImages = 0;
                    double lossSum = 0;
                    boolean ended = false;
                    try (Minibatches source = minibatches(epoch, augmenter, prepare)) {
                        for (int b = 0; source.hasNext(); b++) {
                            if (shouldStop()) {
                                reason = StopReason.STOPPED;
                                message = "stopped on request in epoch " + epoch + " after " + b + " of " + batches
                                        + " batches";
                                ended = true;
                                break;
                            }
                            List<DataSet> group = new ArrayList<>();
                            group.add(source.next());
                            while (fitter != null && group.size() < fitter.group() && source.hasNext()) {
                                group.add(source.next());
                            }
                            int n = group.stream().mapToInt(DataSet::numExamples).sum();
                            int[] counts = counts();
                            double lr = learningRate.valueAt(counts[0], counts[1]);
                            double loss = fit(group, counts[0]);
                            b += group.size() - 1;
                            iteration += group.size();
                            epochImages += n;
                            imagesDone += n;
                            lossSum += loss * n;
                            if (!Double.isFinite(loss)) {
                                reason = StopReason.DIVERGED;
                                message = divergedMessage(loss, epoch, b + 1);
                                ended = true;
                                break;
                            }
                            double rate = epochImages / seconds(epochStart);
                            listener.onIteration(new IterationEvent(epoch, epochs, b + 1, batches, iteration, loss,
                                    lr, rate, eta((long) (epochs - epoch + 1) * train.size() - epochImages, rate)));
                        }
                    }
                    trainNanos += System.nanoTime() - epochStart;
                    if (ended) {
                        break;
                    }
                    if (endEpoch(epoch, epochStart, epochImages, lossSum, evalBatch)) {
                        break;
                    }
                }
            } finally {
                prepare.shutdownNow();
            }
            restoreBest();
            Evaluation test = evaluateTest(evalBatch);
            return new TrainingResult(net, normalizer, reason, message, lastEpoch, history, test, bestEpoch,
                    Duration.ofNanos(System.nanoTime() - runStart), imagesDone / Math.max(1e-9, trainNanos / 1e9));
        }

        /** Evaluates, reports, checkpoints; true where early stopping ends the run. */
        boolean endEpoch(int epoch, long epochStart, long epochImages, double lossSum, int evalBatch)
                throws IOException {
            net.incrementEpochCount(); // fit(DataSet) does not count epochs; epoch-based schedules need it
            if (features != null) {
                features.unfrozenGraph().incrementEpochCount();
                net.graph().orElseThrow().getConfiguration().setIterationCount(counts()[0]);
            }
            lastEpoch = epoch;
            double rate = epochImages / seconds(epochStart);
            Duration duration = Duration.ofNanos(System.nanoTime() - epochStart);
            Evaluation onValidation = evaluate(validation, validationFeatures, evalBatch);
            Evaluation onTrain = evaluate(trainSample, sampleFeatures, evalBatch);
            EpochEvent event = new EpochEvent(epoch, settings.epochs(), lossSum / epochImages, onTrain.accuracy(),
                    onValidation.loss(), onValidation.accuracy(), rate, duration,
                    eta((long) (settings.epochs() - epoch) * train.size(), rate));
            history.add(event);
            listener.onEpoch(event);

            double metric = stopping == null ? Double.NaN
                    : stopping.metric() == EarlyStoppingSpec.Metric.VALIDATION_LOSS ? event.validationLoss()
                    : event.validationAccuracy();
            boolean improved = stopping != null && stopping.improves(metric, bestMetric);
            if (improved) {
                bestMetric = metric;
                bestEpoch = epoch;
                bestParams = net.params().dup();
                sinceImprovement = 0;
            } else if (stopping != null) {
                sinceImprovement++;
            }
            if (checkpoints != null) {
                var state = new CheckpointState(CheckpointState.FORMAT_VERSION, epoch, iteration, imagesDone,
                        trainNanos / 1e9, null, bestModel, bestEpoch, Double.isNaN(bestMetric) ? null : bestMetric,
                        sinceImprovement, normalizer);
                bestModel = checkpoints.save(net, metadata(event), state, improved).bestModel();
            }
            if (stopping != null && sinceImprovement >= stopping.patience() && epoch < settings.epochs()) {
                reason = StopReason.EARLY_STOPPED;
                message = String.format(java.util.Locale.ROOT, "%s did not improve for %d epoch(s); keeping the best "
                        + "epoch, %d (%s %.4f)", stopping.metric().id().replace('-', ' '), sinceImprovement,
                        bestEpoch, stopping.metric().id().replace('-', ' '), bestMetric);
                return true;
            }
            return false;
        }

        boolean shouldStop() {
            try {
                return control.betweenBatches(net, () -> listener.onStateChange(TrainingListener.State.PAUSED),
                        () -> listener.onStateChange(TrainingListener.State.RUNNING));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        /** With early stopping, the best epoch's weights are the model (also when all epochs ran). */
        void restoreBest() throws IOException {
            if (stopping == null || reason == StopReason.DIVERGED || bestEpoch == null || bestEpoch == lastEpoch) {
                return;
            }
            if (bestParams == null && checkpoints != null && bestModel != null) {
                // The best epoch was before this process resumed: its weights are in the checkpoint.
                bestParams = checkpoints.load(bestModel).params();
            }
            if (bestParams != null) {
                net.setParams(bestParams);
            }
        }

        String divergedMessage(double loss, int epoch, int batch) {
            String checkpoint = checkpoints != null && lastEpoch > 0
                    ? " The last good checkpoint (epoch " + lastEpoch + ") is in " + checkpoints.dir() + "." : "";
            return "the loss became " + loss + " in epoch " + epoch + ", batch " + batch + ": training diverged. "
                    + "Lower the learning rate (now " + settings.learningRate() + "), for example to "
                    + settings.learningRate() / 10 + "." + checkpoint;
        }

        ModelMetadata metadata(EpochEvent event) {
            return new ModelMetadata(ModelMetadata.FORMAT_VERSION, "workbench", "1.0.0-M2.1", Instant.now().toString(),
                    data.classNames(), spec.input().height(), spec.input().width(), spec.input().channels(),
                    normalizer, data.name(), event.epoch(), event.validationAccuracy(), SpecJson.toTree(spec));
        }

        /** The order of the training images in {@code epoch}: from the seed and the epoch alone. */
        int[] order(int epoch) {
            int[] order = Batches.identity(train.size());
            shuffle(order, new Random(settings.seed() * 1_000_003L + epoch));
            return order;
        }

        Duration eta(long imagesLeft, double rate) {
            return rate <= 0 ? Duration.ZERO : Duration.ofMillis((long) (Math.max(0, imagesLeft) / rate * 1000));
        }
    }

    /** Minibatches of one epoch, prepared ahead or read from cached features. */
    private interface Minibatches extends AutoCloseable {
        boolean hasNext();

        DataSet next();

        @Override
        void close();
    }

    /** A fixed random sample of the training images for the training-accuracy measurement; null for all of them. */
    private static int[] samplePositions(ImageSet train, long seed) {
        if (train.size() <= TRAIN_ACCURACY_SAMPLE) {
            return null;
        }
        int[] order = Batches.identity(train.size());
        shuffle(order, new Random(seed ^ 0x5DEECE66DL));
        int[] chosen = java.util.Arrays.copyOf(order, TRAIN_ACCURACY_SAMPLE);
        java.util.Arrays.sort(chosen);
        return chosen;
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
}
