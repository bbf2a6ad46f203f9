package org.dl4jworkbench.core.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a network over labelled images in minibatches (inference mode: no dropout) and
 * tallies its predictions, cross-entropy loss, top-k hits and mistakes.
 */
public final class Evaluator {

    /** Top-k accuracy is reported for k = 3, or fewer where there are fewer classes. */
    public static final int TOP_K = 3;

    /**
     * Activation values one minibatch may allocate: 2^28, 1 GiB of FLOAT. A model from a file
     * passed the screen's bound for one image (100 million values); at the batch size asked
     * for, a network near that bound would need hundreds of GB, so its batches get smaller.
     */
    static final long MAX_BATCH_ACTIVATIONS = 1L << 28;

    /** Images per forward pass through a graph (a pretrained backbone at 224x224: about 1.5 GB of activations). */
    static final int GRAPH_BATCH = 32;

    private Evaluator() {
    }

    /**
     * @param wanted images per forward pass, lowered where that many would allocate more
     *                  than {@link #MAX_BATCH_ACTIVATIONS} activation values
     */
    public static Evaluation evaluate(Network net, ImageSet images, int wanted, Normalizer normalizer) {
        int batchSize = net.sequential().map(n -> batchWithin(n.getLayerWiseConfigurations(), images.height(),
                images.width(), images.channels(), wanted)).orElse(Math.min(wanted, GRAPH_BATCH));
        int[] order = Batches.identity(images.size());
        return tally(images.classNames(), images.size(), images::label, batchSize, (from, to) ->
                net.output(Batches.batch(images, order, from, to, normalizer).getFeatures()));
    }

    /** The same tally over images whose backbone features were computed before (a frozen backbone's). */
    static Evaluation evaluate(FeatureSet features, java.util.function.UnaryOperator<INDArray> head, int batchSize) {
        return tally(features.classNames(), features.size(), features::label, batchSize,
                (from, to) -> head.apply(features.rows(from, to)));
    }

    private static Evaluation tally(List<String> classNames, int size, IntUnaryOperator labelOf, int batchSize,
                                    BiFunction<Integer, Integer, INDArray> probabilitiesOf) {
        int classes = classNames.size();
        int k = Math.min(TOP_K, classes);
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        int topKCorrect = 0;
        List<Evaluation.Mistake> mistakes = new ArrayList<>();
        float[] row = new float[classes];
        for (int from = 0; from < size; from += batchSize) {
            int to = Math.min(size, from + batchSize);
            float[] probabilities = probabilitiesOf.apply(from, to).dup('c').data().asFloat();
            for (int i = 0; i < to - from; i++) {
                System.arraycopy(probabilities, i * classes, row, 0, classes);
                int actual = labelOf.applyAsInt(from + i);
                int predicted = 0;
                int higher = 0; // classes more probable than the true one
                for (int c = 0; c < classes; c++) {
                    if (row[c] > row[predicted]) {
                        predicted = c;
                    }
                    if (row[c] > row[actual]) {
                        higher++;
                    }
                }
                confusion[actual][predicted]++;
                if (higher < k) {
                    topKCorrect++;
                }
                if (predicted != actual) {
                    mistakes.add(new Evaluation.Mistake(from + i, actual, predicted, row[predicted]));
                }
                lossSum -= Math.log(Math.max(row[actual], 1e-12));
            }
        }
        mistakes.sort(Comparator.comparingDouble(Evaluation.Mistake::confidence).reversed());
        return new Evaluation(classNames, confusion, size == 0 ? Double.NaN : lossSum / size, k, topKCorrect,
                mistakes);
    }

    /**
     * {@code wanted}, or fewer images where that many would allocate more than
     * {@link #MAX_BATCH_ACTIVATIONS} activation values; at least one. The count is arithmetic
     * on the configuration (every layer's output for one image), allocating nothing.
     */
    static int batchWithin(MultiLayerConfiguration conf, int height, int width, int channels, int wanted) {
        long perImage = activationsPerImage(conf, height, width, channels);
        if (perImage <= 0) {
            return Math.max(1, wanted);
        }
        return (int) Math.max(1, Math.min(wanted, MAX_BATCH_ACTIVATIONS / perImage));
    }

    /** Values of the input and every layer's output for one image; 0 where the network does not take the size. */
    static long activationsPerImage(MultiLayerConfiguration conf, int height, int width, int channels) {
        InputType type = InputType.convolutional(height, width, channels);
        long total = type.arrayElementsPerExample();
        try {
            for (int i = 0; i < conf.getConfs().size(); i++) {
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null) {
                    type = pre.getOutputType(type);
                }
                type = conf.getConf(i).getLayer().getOutputType(i, type);
                total += type.arrayElementsPerExample();
            }
        } catch (RuntimeException e) {
            return 0; // the forward pass will say what does not fit
        }
        return total;
    }
}
