package org.dl4jworkbench.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns images into DL4J minibatches: features {@code [n, channels, height, width]} float32
 * through a {@link Normalizer}, labels one-hot {@code [n, classes]}.
 */
public final class Batches {

    private Batches() {
    }

    /** The images {@code order[from..to)} of {@code set} as one minibatch, scaled to 0..1. */
    public static DataSet batch(ImageSet set, int[] order, int from, int to) {
        return batch(set, order, from, to, Normalizer.scale());
    }

    /** The images {@code order[from..to)} of {@code set} as one minibatch. */
    public static DataSet batch(ImageSet set, int[] order, int from, int to, Normalizer normalizer) {
        int n = to - from;
        int size = set.imageSize();
        int plane = set.height() * set.width();
        int classes = set.classNames().size();
        float[] features = new float[n * size];
        float[] labels = new float[n * classes];
        byte[] image = new byte[size];
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            set.copyBytes(index, image, 0);
            normalizer.apply(image, plane, features, i * size);
            labels[i * classes + set.label(index)] = 1f;
        }
        INDArray f = Nd4j.create(features, new long[] {n, set.channels(), set.height(), set.width()}, 'c');
        INDArray l = Nd4j.create(labels, new long[] {n, classes}, 'c');
        return new DataSet(f, l);
    }

    /** Indices 0..n-1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
