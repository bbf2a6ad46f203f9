package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sequential image classifier: input, hidden layers, softmax output, how to train it, and
 * how to prepare its training data; optionally beginning with a pretrained {@code backbone}
 * (then the input and normalization are the backbone's, and the layers follow its features).
 * Immutable. Layers without a name get one ("conv1", "pool1", "dense1", ...), so problems
 * and summaries can always name them. Saved as JSON by {@link SpecJson}.
 */
@JsonPropertyOrder({"format", "version", "name", "backbone", "input", "layers", "output", "training", "data"})
public record NetworkSpec(String name, @JsonProperty(required = true) InputSpec input,
                          @JsonProperty(required = true) List<LayerSpec> layers,
                          @JsonProperty(required = true) OutputSpec output,
                          @JsonProperty(required = true) TrainingSpec training,
                          DataSpec data,
                          @JsonInclude(JsonInclude.Include.NON_NULL) BackboneSpec backbone) {

    /** The JSON format id written into every file. */
    public static final String FORMAT = "dl4j-workbench/network";

    /** Version of the JSON format this code writes and the newest it reads. */
    public static final int VERSION = 1;

    public NetworkSpec {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(training, "training");
        name = Objects.requireNonNullElse(name, "untitled");
        layers = List.copyOf(nameLayers(Objects.requireNonNullElse(layers, List.of())));
        data = Objects.requireNonNullElse(data, DataSpec.DEFAULT);
    }

    /** A spec with the default data preparation. */
    public NetworkSpec(String name, InputSpec input, List<LayerSpec> layers, OutputSpec output, TrainingSpec training) {
        this(name, input, layers, output, training, DataSpec.DEFAULT);
    }

    /** A spec without a pretrained backbone. */
    public NetworkSpec(String name, InputSpec input, List<LayerSpec> layers, OutputSpec output, TrainingSpec training,
                       DataSpec data) {
        this(name, input, layers, output, training, data, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean hasBackbone() {
        return backbone != null;
    }

    public NetworkSpec withBackbone(BackboneSpec newBackbone) {
        return new NetworkSpec(name, input, layers, output, training, data, newBackbone);
    }

    @JsonProperty("format")
    public String format() {
        return FORMAT;
    }

    @JsonProperty("version")
    public int version() {
        return VERSION;
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, input, newLayers, output, training, data, backbone);
    }

    public NetworkSpec withInput(InputSpec newInput) {
        return new NetworkSpec(name, newInput, layers, output, training, data, backbone);
    }

    public NetworkSpec withOutput(OutputSpec newOutput) {
        return new NetworkSpec(name, input, layers, newOutput, training, data, backbone);
    }

    public NetworkSpec withTraining(TrainingSpec newTraining) {
        return new NetworkSpec(name, input, layers, output, newTraining, data, backbone);
    }

    public NetworkSpec withData(DataSpec newData) {
        return new NetworkSpec(name, input, layers, output, training, newData, backbone);
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, input, layers, output, training, data, backbone);
    }

    /** Gives unnamed layers the first free name "prefixN", counting per prefix. */
    private static List<LayerSpec> nameLayers(List<LayerSpec> layers) {
        var taken = new java.util.HashSet<String>();
        for (LayerSpec layer : layers) {
            Objects.requireNonNull(layer, "layer");
            if (layer.name() != null && !layer.name().isBlank()) {
                taken.add(layer.name());
            }
        }
        taken.add(OutputSpec.NAME);
        Map<String, Integer> counters = new HashMap<>();
        List<LayerSpec> named = new ArrayList<>(layers.size());
        for (LayerSpec layer : layers) {
            if (layer.name() == null || layer.name().isBlank()) {
                String candidate;
                do {
                    int n = counters.merge(layer.namePrefix(), 1, Integer::sum);
                    candidate = layer.namePrefix() + n;
                } while (!taken.add(candidate));
                named.add(layer.withName(candidate));
            } else {
                named.add(layer);
            }
        }
        return named;
    }
}
