package org.dl4jworkbench.core.keras;

/**
 * The image a Keras model takes, per example. Keras files are channels-last (NHWC) unless a
 * layer says {@code data_format: channels_first}; an imported network keeps the file's
 * layout, so the caller feeds {@code [N, height, width, channels]} when {@link #channelsLast()}.
 */
public record KerasInputShape(int height, int width, int channels, boolean channelsLast) {

    /** The shape of a batch of {@code n} examples in the order the network takes them. */
    public long[] batchShape(int n) {
        return channelsLast ? new long[] {n, height, width, channels} : new long[] {n, channels, height, width};
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels + (channelsLast ? " (NHWC)" : " (NCHW)");
    }
}
