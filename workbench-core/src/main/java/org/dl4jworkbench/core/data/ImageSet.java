package org.dl4jworkbench.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled images held compactly as unsigned bytes, each image stored channel-planar
 * (channel, row, column), the order DL4J's NCHW input takes. Immutable.
 */
public final class ImageSet {

    private final byte[] pixels;
    private final int[] labels;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;

    public ImageSet(byte[] pixels, int[] labels, int height, int width, int channels, List<String> classNames) {
        this.pixels = Objects.requireNonNull(pixels);
        this.labels = Objects.requireNonNull(labels);
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classNames = List.copyOf(classNames);
        if ((long) labels.length * imageSize() != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " bytes of "
                    + height + "x" + width + "x" + channels + " images");
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    public int imageSize() {
        return height * width * channels;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixel {@code p} (0..imageSize-1, planar order) of image {@code index}, 0..255. */
    public int pixel(int index, int p) {
        return pixels[index * imageSize() + p] & 0xff;
    }

    /** Copies image {@code index} as floats scaled to 0..1 into {@code dest} at {@code offset}. */
    public void copyScaled(int index, float[] dest, int offset) {
        int size = imageSize();
        int base = index * size;
        for (int p = 0; p < size; p++) {
            dest[offset + p] = (pixels[base + p] & 0xff) * (1f / 255f);
        }
    }

    /** Number of images per class, indexed like {@link #classNames()}. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The first {@code count} images (all where there are fewer). */
    public ImageSet head(int count) {
        int n = Math.min(count, size());
        return new ImageSet(Arrays.copyOf(pixels, n * imageSize()), Arrays.copyOf(labels, n), height, width, channels,
                classNames);
    }
}
