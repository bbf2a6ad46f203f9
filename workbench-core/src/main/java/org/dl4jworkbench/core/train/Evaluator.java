package org.dl4jworkbench.core.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Runs a network over labelled images in minibatches (inference mode) and tallies its predictions. */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(MultiLayerNetwork net, ImageSet images, int batchSize) {
        int classes = images.classNames().size();
        int[][] confusion = new int[classes][classes];
        int[] order = Batches.identity(images.size());
        for (int from = 0; from < images.size(); from += batchSize) {
            int to = Math.min(images.size(), from + batchSize);
            DataSet batch = Batches.batch(images, order, from, to);
            INDArray predicted = net.output(batch.getFeatures(), false).argMax(1);
            for (int i = 0; i < to - from; i++) {
                confusion[images.label(from + i)][predicted.getInt(i)]++;
            }
        }
        return new Evaluation(images.classNames(), confusion);
    }
}
