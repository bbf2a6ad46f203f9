package org.dl4jworkbench.core.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Normalizer;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs a network over labelled images in minibatches (inference mode: no dropout) and
 * tallies its predictions, cross-entropy loss, top-k hits and mistakes.
 */
public final class Evaluator {

    /** Top-k accuracy is reported for k = 3, or fewer where there are fewer classes. */
    public static final int TOP_K = 3;

    private Evaluator() {
    }

    public static Evaluation evaluate(MultiLayerNetwork net, ImageSet images, int batchSize, Normalizer normalizer) {
        int classes = images.classNames().size();
        int k = Math.min(TOP_K, classes);
        int[][] confusion = new int[classes][classes];
        int[] order = Batches.identity(images.size());
        double lossSum = 0;
        int topKCorrect = 0;
        List<Evaluation.Mistake> mistakes = new ArrayList<>();
        float[] row = new float[classes];
        for (int from = 0; from < images.size(); from += batchSize) {
            int to = Math.min(images.size(), from + batchSize);
            DataSet batch = Batches.batch(images, order, from, to, normalizer);
            float[] probabilities = net.output(batch.getFeatures(), false).dup('c').data().asFloat();
            for (int i = 0; i < to - from; i++) {
                System.arraycopy(probabilities, i * classes, row, 0, classes);
                int actual = images.label(from + i);
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
        return new Evaluation(images.classNames(), confusion, images.size() == 0 ? Double.NaN
                : lossSum / images.size(), k, topKCorrect, mistakes);
    }
}
