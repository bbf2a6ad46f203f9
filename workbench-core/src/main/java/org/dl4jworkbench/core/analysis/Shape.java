package org.dl4jworkbench.core.analysis;

/**
 * The shape of one example's activations: an image {@code height x width x channels}, or a
 * flat vector of {@code size} (height = width = 0).
 */
public record Shape(int height, int width, int channels, long size) {

    public static Shape image(int height, int width, int channels) {
        return new Shape(height, width, channels, (long) height * width * channels);
    }

    public static Shape flat(long size) {
        return new Shape(0, 0, 0, size);
    }

    public boolean isImage() {
        return height > 0 || width > 0 || channels > 0;
    }

    /** "14x14x32" or "500". */
    @Override
    public String toString() {
        return isImage() ? height + "x" + width + "x" + channels : Long.toString(size);
    }
}
