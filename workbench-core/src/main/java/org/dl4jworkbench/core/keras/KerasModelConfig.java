package org.dl4jworkbench.core.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the import needs from a Keras architecture ({@code model_config} of a full-model file,
 * or {@code model.to_json()}): Sequential or functional, the layers by name and class, and
 * the input image. Read here so that a file DL4J would refuse with a stack trace gets a
 * message instead.
 *
 * @param className {@code Sequential}, {@code Model} or {@code Functional}
 * @param layers    every layer, in file order
 * @param inputShape the shape of the (single) input without the batch axis; null entries are dimensions left open
 * @param channelsLast false where a layer says {@code data_format: channels_first}
 * @param kerasVersion the JSON's own {@code keras_version} (present in {@code to_json()} output), or empty
 * @param backend the JSON's own {@code backend}, or empty
 */
record KerasModelConfig(String className, List<Layer> layers, int inputCount, int outputCount,
        List<Integer> inputShape, boolean channelsLast, Optional<String> kerasVersion, Optional<String> backend) {

    record Layer(String name, String className) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean isSequential() {
        return className.equals("Sequential");
    }

    /** @throws IllegalArgumentException with what was found, where the text is not a Keras 2 model config */
    static KerasModelConfig parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("text that is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("class_name").isTextual() || root.path("config").isMissingNode()) {
            throw new IllegalArgumentException("JSON without the \"class_name\" and \"config\" of a Keras model");
        }
        String className = root.get("class_name").asText();
        JsonNode config = root.get("config");
        // Keras before 2.2.3 wrote a Sequential model's config as the bare list of layers.
        JsonNode layerNodes = config.isArray() ? config : config.path("layers");
        List<Layer> layers = new ArrayList<>();
        boolean channelsLast = true;
        for (JsonNode layer : layerNodes) {
            JsonNode layerConfig = layer.path("config");
            layers.add(new Layer(layerConfig.path("name").asText(layer.path("name").asText("?")),
                    layer.path("class_name").asText("?")));
            if ("channels_first".equals(layerConfig.path("data_format").asText(""))) {
                channelsLast = false;
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a " + className + " model with no layers");
        }
        int inputs = className.equals("Sequential") ? 1 : config.path("input_layers").size();
        int outputs = className.equals("Sequential") ? 1 : config.path("output_layers").size();
        return new KerasModelConfig(className, List.copyOf(layers), inputs, outputs,
                inputShape(className, layerNodes, config), channelsLast,
                text(root, "keras_version"), text(root, "backend"));
    }

    private static List<Integer> inputShape(String className, JsonNode layerNodes, JsonNode config) {
        JsonNode inputLayer = layerNodes.get(0);
        if (!className.equals("Sequential") && config.path("input_layers").size() > 0) {
            String name = config.path("input_layers").get(0).path(0).asText();
            for (JsonNode layer : layerNodes) {
                if (name.equals(layer.path("config").path("name").asText(layer.path("name").asText()))) {
                    inputLayer = layer;
                }
            }
        }
        JsonNode layerConfig = inputLayer.path("config");
        JsonNode shape = layerConfig.has("batch_input_shape") ? layerConfig.get("batch_input_shape")
                : layerConfig.path("batch_shape");
        List<Integer> dims = new ArrayList<>();
        if (shape.isArray() && shape.size() > 1) {
            for (int i = 1; i < shape.size(); i++) {
                dims.add(shape.get(i).isNull() ? null : shape.get(i).asInt());
            }
        } else if (layerConfig.path("input_shape").isArray()) {
            layerConfig.get("input_shape").forEach(d -> dims.add(d.isNull() ? null : d.asInt()));
        }
        return Collections.unmodifiableList(dims);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
