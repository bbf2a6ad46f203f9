package org.dl4jworkbench.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.dl4jworkbench.core.data.Batches;
import org.dl4jworkbench.core.data.CacheFolder;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.util.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a frozen backbone makes of each image (its feature vector at the cut), computed once
 * in inference mode, so the layers after it train on these vectors: an epoch then costs the
 * small head only. Cached on disk under a key of the images' own pixels and labels, the
 * backbone and where it is frozen, and the normalization, so changed images, another cut or
 * another backbone compute anew (as the decode cache is keyed by content). The files count
 * toward the cache folder's bound ({@link CacheFolder}).
 */
final class FeatureSet {

    /** Images per backbone forward pass while computing features. */
    static final int BATCH = 32;
    private static final int MAGIC = 0x57424653; // "WBFS"

    private final float[] values;
    private final int dimension;
    private final int[] labels;
    private final List<String> classNames;

    FeatureSet(float[] values, int dimension, int[] labels, List<String> classNames) {
        this.values = values;
        this.dimension = dimension;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /** Reports {@code done} of {@code total} images. */
    interface Progress {
        void update(int done, int total);
    }

    /**
     * The features of every image of {@code images}, from the cache folder where an earlier run
     * computed them, else computed now (and cached, where {@code cacheDir} is not null).
     *
     * @return null where {@code cancelled} said so before the end
     */
    static FeatureSet of(Network net, String cut, String backboneKey, ImageSet images, Normalizer normalizer,
                         Path cacheDir, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        Path file = cacheDir == null ? null
                : cacheDir.resolve("features").resolve(key(images, backboneKey, normalizer) + ".bin");
        if (file != null && Files.isRegularFile(file)) {
            FeatureSet cached = read(file, images);
            if (cached != null) {
                CacheFolder.touch(file);
                progress.update(images.size(), images.size());
                return cached;
            }
        }
        // At once, not after the first batch of 32: that batch alone takes seconds on a slow machine.
        progress.update(0, images.size());
        var graph = net.graph().orElseThrow();
        int[] order = Batches.identity(images.size());
        float[] values = null;
        int dimension = 0;
        for (int from = 0; from < images.size(); from += BATCH) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int to = Math.min(images.size(), from + BATCH);
            DataSet batch = Batches.batch(images, order, from, to, normalizer);
            // The graph's own output of the cut vertex: inside its workspaces, about twice as fast
            // as TransferLearningHelper.featurize and without its gigabytes of kept activations.
            INDArray f = graph.output(List.of(cut), false, new INDArray[] {net.input(batch.getFeatures())}, null)[0];
            if (values == null) {
                dimension = (int) (f.length() / (to - from));
                values = new float[images.size() * dimension];
            }
            System.arraycopy(f.dup('c').data().asFloat(), 0, values, from * dimension, (to - from) * dimension);
            progress.update(to, images.size());
        }
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        var set = new FeatureSet(values == null ? new float[0] : values, dimension, labels, images.classNames());
        if (file != null) {
            write(file, set);
            CacheFolder.evict(cacheDir, CacheFolder.limit(), file);
        }
        return set;
    }

    int size() {
        return labels.length;
    }

    int label(int position) {
        return labels[position];
    }

    List<String> classNames() {
        return classNames;
    }

    /** Features of positions {@code from..to} as a {@code [n, dimension]} array. */
    INDArray rows(int from, int to) {
        float[] part = new float[(to - from) * dimension];
        System.arraycopy(values, from * dimension, part, 0, part.length);
        return Nd4j.create(part, new long[] {to - from, dimension}, 'c');
    }

    /** Positions {@code order[from..to)} as a minibatch of features and one-hot labels. */
    DataSet batch(int[] order, int from, int to) {
        int n = to - from;
        int classes = classNames.size();
        float[] f = new float[n * dimension];
        float[] l = new float[n * classes];
        for (int i = 0; i < n; i++) {
            int position = order[from + i];
            System.arraycopy(values, position * dimension, f, i * dimension, dimension);
            l[i * classes + labels[position]] = 1f;
        }
        return new DataSet(Nd4j.create(f, new long[] {n, dimension}, 'c'), Nd4j.create(l, new long[] {n, classes}, 'c'));
    }

    /** The features of {@code positions}, in that order. */
    FeatureSet subset(int[] positions) {
        float[] v = new float[positions.length * dimension];
        int[] l = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(values, positions[i] * dimension, v, i * dimension, dimension);
            l[i] = labels[positions[i]];
        }
        return new FeatureSet(v, dimension, l, classNames);
    }

    private static String key(ImageSet images, String backboneKey, Normalizer normalizer) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((backboneKey + "|" + normalizer + "|" + images.height() + "x" + images.width() + "x"
                    + images.channels() + "|" + images.size()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] image = new byte[images.imageSize()];
            for (int i = 0; i < images.size(); i++) {
                images.copyBytes(i, image, 0);
                digest.update(image);
                digest.update((byte) images.label(i));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, FeatureSet set) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, tmp -> {
            try (var out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(set.size());
                out.writeInt(set.dimension);
                ByteBuffer buffer = ByteBuffer.allocate(set.values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asFloatBuffer().put(set.values);
                out.write(buffer.array());
            }
        });
    }

    /** The cached features, or null where the file does not hold what {@code images} needs (then they are computed again). */
    private static FeatureSet read(Path file, ImageSet images) {
        try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != images.size()) {
                return null;
            }
            int dimension = in.readInt();
            long bytes = (long) images.size() * dimension * 4;
            if (dimension < 1 || dimension > 1 << 20 || bytes != Files.size(file) - 12) {
                return null;
            }
            byte[] raw = in.readNBytes((int) bytes);
            float[] values = new float[images.size() * dimension];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            int[] labels = new int[images.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = images.label(i);
            }
            return new FeatureSet(values, dimension, labels, images.classNames());
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache file is computed again
        }
    }
}
