package org.dl4jworkbench.core.inspect;

import java.util.List;

/**
 * The learned filters of a network's first convolution, as small images: {@code count} filters
 * of {@code height x width}, each with {@code channels} planes (3: R, G, B as the network takes
 * its input; 1: grey), each scaled for display on its own symmetric scale: 0.5 for a weight of
 * zero, 0 or 1 for the filter's largest weight in size (negative or positive).
 * Only the first {@code images.size()} are kept; {@code leftOut} more were not.
 */
public record FilterImages(String layer, int count, int height, int width, int channels, List<float[]> images,
                           int leftOut) {

    public FilterImages {
        images = images.stream().map(float[]::clone).toList();
        for (float[] image : images) {
            if (image.length != height * width * channels) {
                throw new IllegalArgumentException(image.length + " values for a " + height + "x" + width + "x"
                        + channels + " filter");
            }
        }
    }

    /** Filter {@code i}'s channel-planar values in 0..1. */
    public float[] image(int i) {
        return images.get(i).clone();
    }

    @Override
    public List<float[]> images() {
        return images.stream().map(float[]::clone).toList();
    }
}
