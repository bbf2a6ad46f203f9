package org.dl4jworkbench.core.inspect;

import java.util.List;
import java.util.Optional;

/**
 * Inside a network for one image: the image as the network took it ({@code networkInput}: bytes
 * after decoding and resizing, before normalization, channel-planar, as in a
 * {@code Prediction}), every layer's output in order, and the first convolution's learned filters
 * where the network has a convolution. {@code note} says what was left out, or is empty.
 */
public record NetworkInspection(String source, byte[] networkInput, int height, int width, int channels,
                                List<LayerOutput> layers, FilterImages filters, String note) {

    public NetworkInspection {
        networkInput = networkInput.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public byte[] networkInput() {
        return networkInput.clone();
    }

    public Optional<FilterImages> firstFilters() {
        return Optional.ofNullable(filters);
    }

    /** The layers flagged dead or saturated. */
    public List<LayerOutput> flagged() {
        return layers.stream().filter(l -> !l.flags().isEmpty()).toList();
    }
}
