package org.dl4jworkbench.core.predict;

import java.util.List;

/**
 * What a model made of one image: the {@code top} classes, most probable first; every class's
 * probability in the model's class order (they sum to 1); and the image as the network saw it,
 * {@code networkInput}: the bytes after decoding and resizing, before normalization,
 * channel-planar ({@code channels} planes of {@code height x width}, gray or R, G, B), so a
 * view can show the picture at the network's resolution.
 */
public record Prediction(List<ClassProbability> top, double[] probabilities, byte[] networkInput, int height,
                         int width, int channels) {

    public Prediction {
        top = List.copyOf(top);
        probabilities = probabilities.clone();
        networkInput = networkInput.clone();
        if (networkInput.length != height * width * channels) {
            throw new IllegalArgumentException(networkInput.length + " input bytes for " + height + "x" + width
                    + "x" + channels);
        }
    }

    /** The most probable class. */
    public ClassProbability best() {
        return top.get(0);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public byte[] networkInput() {
        return networkInput.clone();
    }
}
