package org.dl4jworkbench.core.data;

import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch's minibatches, prepared ahead on a background thread (augmented and normalized)
 * while the network trains on the previous ones; at most {@link #AHEAD} wait in memory.
 * Closing it stops the preparing thread. Not thread-safe: one consumer.
 */
public final class BatchSource implements AutoCloseable {

    static final int AHEAD = 3;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Future<?> producer;
    private Object next;

    /**
     * @param order the positions of {@code set} in the order to train on them
     * @param seed draws this epoch's augmentation
     */
    public BatchSource(ImageSet set, int[] order, int batchSize, Normalizer normalizer, Augmenter augmenter,
                       long seed, ExecutorService executor) {
        producer = executor.submit(() -> {
            try {
                produce(set, order, batchSize, normalizer, augmenter, seed);
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                queue.clear();
                queue.offer(e);
            }
            return null;
        });
    }

    private void produce(ImageSet set, int[] order, int batchSize, Normalizer normalizer, Augmenter augmenter,
                         long seed) throws InterruptedException {
        Random random = new Random(seed);
        int size = set.imageSize();
        int plane = set.height() * set.width();
        int classes = set.classNames().size();
        byte[] image = new byte[size];
        for (int from = 0; from < order.length; from += batchSize) {
            int n = Math.min(batchSize, order.length - from);
            float[] features = new float[n * size];
            float[] labels = new float[n * classes];
            for (int i = 0; i < n; i++) {
                int position = order[from + i];
                set.copyBytes(position, image, 0);
                byte[] input = augmenter == null || augmenter.isIdentity() ? image
                        : augmenter.apply(image, set.height(), set.width(), set.channels(), random);
                normalizer.apply(input, plane, features, i * size);
                labels[i * classes + set.label(position)] = 1f;
            }
            INDArray f = Nd4j.create(features, new long[] {n, set.channels(), set.height(), set.width()}, 'c');
            INDArray l = Nd4j.create(labels, new long[] {n, classes}, 'c');
            queue.put(new DataSet(f, l));
        }
    }

    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next minibatch", e);
            }
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return next != END;
    }

    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DataSet batch = (DataSet) next;
        next = null;
        return batch;
    }

    @Override
    public void close() {
        producer.cancel(true);
        queue.clear();
        try {
            producer.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // cancelled or finished: either way it no longer runs
        }
    }
}
