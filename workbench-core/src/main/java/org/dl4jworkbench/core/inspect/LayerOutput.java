package org.dl4jworkbench.core.inspect;

import java.util.List;
import org.dl4jworkbench.core.analysis.Shape;

/**
 * What one layer made of the image: its {@code name}, {@code type} ("convolution", "pooling",
 * "dense", "output", ...), activation function ("relu", "softmax"; empty where it has none),
 * output {@code shape} (for one image), statistics and flags. An image-shaped output comes as
 * feature maps (at most {@link LayerInspector#MAX_MAPS}; {@code mapsLeftOut} more were not kept),
 * scaled with the layer's range {@code low..high}; a vector output (and one of 1x1 maps, as a
 * Keras MobileNet ends) as its {@code values}, with {@code labels} (the class names) for the
 * output layer.
 */
public record LayerOutput(int index, String name, String type, String activation, Shape shape, LayerStats stats,
                          float low, float high, List<FeatureMap> maps, int mapsLeftOut, float[] values,
                          List<String> labels, List<LayerFlag> flags) {

    public LayerOutput {
        maps = List.copyOf(maps);
        values = values.clone();
        labels = List.copyOf(labels);
        flags = List.copyOf(flags);
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** Whether it shows as feature maps (else as {@link #values()}). */
    public boolean hasMaps() {
        return !maps.isEmpty();
    }

    public boolean flagged(LayerFlag.Kind kind) {
        return flags.stream().anyMatch(f -> f.kind() == kind);
    }
}
