package org.dl4jworkbench.core.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Normalizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs a network over labelled images in minibatches (inference mode: no dropout) and
 * tallies its predictions and its cross-entropy loss.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(MultiLayerNetwork net, ImageSet images, int batchSize, Normalizer normalizer) {
        int classes = images.classNames().size();
        int[][] confusion = new int[classes][classes];
        int[] order = Batches.identity(images.size());
        double lossSum = 0;
        for (int from = 0; from < images.size(); from += batchSize) {
            int to = Math.min(images.size(), from + batchSize);
            DataSet batch = Batches.batch(images, order, from, to, normalizer);
            INDArray probabilities = net.output(batch.getFeatures(), false);
            INDArray predicted = probabilities.argMax(1);
            for (int i = 0; i < to - from; i++) {
                int actual = images.label(from + i);
                confusion[actual][predicted.getInt(i)]++;
                lossSum -= Math.log(Math.max(probabilities.getDouble(i, actual), 1e-12));
            }
        }
        return new Evaluation(images.classNames(), confusion, images.size() == 0 ? Double.NaN
                : lossSum / images.size());
    }
}
