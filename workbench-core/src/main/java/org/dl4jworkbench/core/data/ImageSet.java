package org.dl4jworkbench.core.data;

import java.util.List;
import java.util.Objects;

/**
 * Labelled images of one size, held compactly as unsigned bytes in channel-planar order
 * (channel, row, column), the order DL4J's NCHW input takes. Immutable. A subset (a split)
 * is a view on the same pixels, not a copy.
 */
public final class ImageSet {

    private final PixelStore store;
    private final int[] labels;
    /** Position in this set -> index in the store and labels; null where they are the same. */
    private final int[] view;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;
    /** What each image in the store was read from (a file's path in its dataset), or null where unnamed. */
    private final List<String> sources;

    public ImageSet(PixelStore store, int[] labels, int height, int width, int channels, List<String> classNames) {
        this(store, labels, null, height, width, channels, List.copyOf(classNames), null);
        if (store.imageSize() != height * width * channels) {
            throw new IllegalArgumentException("store holds " + store.imageSize() + "-byte images, not "
                    + height + "x" + width + "x" + channels);
        }
        if (store.count() != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + store.count() + " images");
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    private ImageSet(PixelStore store, int[] labels, int[] view, int height, int width, int channels,
                     List<String> classNames, List<String> sources) {
        this.store = Objects.requireNonNull(store);
        this.labels = Objects.requireNonNull(labels);
        this.view = view;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classNames = classNames;
        this.sources = sources;
    }

    /**
     * The images at {@code indices} of a store whose other slots may be unusable (label -1):
     * only the labels of the chosen images are checked.
     */
    static ImageSet view(PixelStore store, int[] labels, int[] indices, int height, int width, int channels,
                         List<String> classNames) {
        for (int index : indices) {
            if (labels[index] < 0 || labels[index] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[index] + " at " + index);
            }
        }
        return new ImageSet(store, labels, indices.clone(), height, width, channels, List.copyOf(classNames), null);
    }

    /** Images in one heap array of {@code labels.length * height * width * channels} bytes. */
    public static ImageSet of(byte[] pixels, int[] labels, int height, int width, int channels,
                              List<String> classNames) {
        return new ImageSet(PixelStore.of(pixels, height * width * channels), labels, height, width, channels,
                classNames);
    }

    public int size() {
        return view == null ? labels.length : view.length;
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

    public int label(int position) {
        return labels[index(position)];
    }

    /** Byte {@code p} (0..imageSize-1, planar order) of image {@code position}, 0..255. */
    public int pixel(int position, int p) {
        return store.get(index(position), p);
    }

    /** Copies image {@code position}'s bytes into {@code dest} at {@code offset}. */
    public void copyBytes(int position, byte[] dest, int offset) {
        store.read(index(position), dest, offset);
    }

    /** Number of images per class, indexed like {@link #classNames()}. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
        }
        return counts;
    }

    /** The images at {@code positions} of this set, in that order, as a view on the same pixels. */
    public ImageSet subset(int[] positions) {
        int[] indices = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            indices[i] = index(positions[i]);
        }
        return new ImageSet(store, labels, indices, height, width, channels, classNames, sources);
    }

    /**
     * The same images, each named by what it was read from: {@code names} holds one name per
     * image of the underlying store (as {@link #view} indexes it), e.g. a file's path in its
     * dataset folder. Subsets keep the names.
     */
    public ImageSet withSources(List<String> names) {
        if (names.size() != store.count()) {
            throw new IllegalArgumentException(names.size() + " names for " + store.count() + " images");
        }
        return new ImageSet(store, labels, view, height, width, channels, classNames, List.copyOf(names));
    }

    /** What image {@code position} was read from (a file's path in its dataset), or null where images are unnamed (IDX, CIFAR-10). */
    public String source(int position) {
        return sources == null ? null : sources.get(index(position));
    }

    /** The first {@code count} images (all where there are fewer). */
    public ImageSet head(int count) {
        return subset(Batches.identity(Math.min(count, size())));
    }

    private int index(int position) {
        return view == null ? position : view[position];
    }
}
