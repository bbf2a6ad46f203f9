package org.dl4jworkbench.core.data;

import java.util.Arrays;

/**
 * Turns an image's bytes into the network's float input, the same way in training and in
 * prediction: {@code x / 255}, then, where standardizing, {@code (x - mean[c]) / std[c]} per
 * channel with the mean and standard deviation of the training images; {@code x / 127.5 - 1}
 * where symmetric (pretrained Keras networks); the raw values where none. Saved in model files.
 */
public record Normalizer(String kind, float[] mean, float[] std) {

    public static final String SCALE = "scale";
    public static final String STANDARDIZE = "standardize";
    public static final String SYMMETRIC = "symmetric";
    public static final String NONE = "none";

    public Normalizer {
        if (!kind.equals(SCALE) && !kind.equals(STANDARDIZE) && !kind.equals(SYMMETRIC) && !kind.equals(NONE)) {
            throw new IllegalArgumentException("unknown normalization '" + kind + "'");
        }
        mean = mean == null ? new float[0] : mean.clone();
        std = std == null ? new float[0] : std.clone();
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
    }

    public static Normalizer scale() {
        return new Normalizer(SCALE, null, null);
    }

    /** The normalizer of a spec's setting; standardizing measures {@code train}, the others need no data. */
    public static Normalizer of(org.dl4jworkbench.core.spec.Normalization normalization, ImageSet train) {
        return switch (normalization) {
            case SCALE -> scale();
            case STANDARDIZE -> standardize(train);
            case SYMMETRIC -> new Normalizer(SYMMETRIC, null, null);
            case NONE -> new Normalizer(NONE, null, null);
        };
    }

    /** Per-channel mean and standard deviation of {@code images} (pixels scaled to 0..1). */
    public static Normalizer standardize(ImageSet images) {
        int channels = images.channels();
        int plane = images.height() * images.width();
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        byte[] buffer = new byte[images.imageSize()];
        for (int i = 0; i < images.size(); i++) {
            images.copyBytes(i, buffer, 0);
            for (int c = 0; c < channels; c++) {
                long s = 0;
                long sq = 0;
                for (int p = c * plane; p < (c + 1) * plane; p++) {
                    int v = buffer[p] & 0xff;
                    s += v;
                    sq += (long) v * v;
                }
                sum[c] += s;
                sumSq[c] += sq;
            }
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double n = (double) images.size() * plane;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / n / 255.0;
            double variance = Math.max(0, sumSq[c] / n / (255.0 * 255.0) - m * m);
            mean[c] = (float) m;
            double deviation = Math.sqrt(variance);
            std[c] = (float) (deviation < 1e-6 ? 1 : deviation); // a constant channel is only centred, as sklearn does
        }
        return new Normalizer(STANDARDIZE, mean, std);
    }

    /** Writes the normalized image into {@code dest} at {@code offset}. */
    public void apply(byte[] image, int planeSize, float[] dest, int offset) {
        if (!kind.equals(STANDARDIZE)) {
            float times = kind.equals(SCALE) ? 1f / 255f : kind.equals(SYMMETRIC) ? 1f / 127.5f : 1f;
            float plus = kind.equals(SYMMETRIC) ? -1f : 0f;
            for (int p = 0; p < image.length; p++) {
                dest[offset + p] = (image[p] & 0xff) * times + plus;
            }
            return;
        }
        for (int c = 0; c < mean.length; c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            for (int p = c * planeSize; p < (c + 1) * planeSize; p++) {
                dest[offset + p] = ((image[p] & 0xff) * (1f / 255f) - m) * inv;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer n && kind.equals(n.kind) && Arrays.equals(mean, n.mean)
                && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(mean) * 17 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return kind.equals(SCALE) ? "scale to 0..1" : kind.equals(SYMMETRIC) ? "scale to -1..1 (x / 127.5 - 1)"
                : kind.equals(NONE) ? "none (raw 0..255)" : "standardize (mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
    }
}
