package org.dl4jworkbench.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screens DL4J's {@code configuration.json} as a plain JSON tree before DL4J parses it.
 * DL4J's Jackson reads every polymorphic value's class from an {@code "@class"} property and
 * loads (and initialises) that class: a file from a stranger could name any class on the
 * class path. Every {@code "@class"} anywhere in the tree must be one of the DL4J/ND4J
 * classes the workbench's own networks need (exact names, not packages: a model needing any
 * other class was not made or imported by this workbench): what {@code SpecCompiler} writes
 * for a {@code MultiLayerNetwork}, and for a {@code ComputationGraph} what a transfer model
 * from the MobileNet backbone and the MobileNet graph imported from Keras hold (frozen layers,
 * depthwise convolutions, relu6, global pooling, Keras's reshape). Layers must carry
 * {@code "@class"}: the pre-1.0 formats that name types otherwise are not read. The
 * allow-list is kept in step by tests that screen every template and option, and real
 * transfer and imported graphs.
 */
final class ConfigurationScreen {

    /** Real configurations nest about 7 deep; more is refused before anything recurses far. */
    static final int MAX_DEPTH = 40;
    static final int MAX_LAYERS = 1_000;

    /**
     * Allowed classes by the role they play, for the message that lists them. Names, not
     * class literals: screening must not load DL4J's classes (a cold refusal stays fast), and
     * a test checks that each name is a real class of the DL4J type its role needs.
     */
    static final Map<String, List<String>> ALLOWED = allowed();

    private static final Set<String> ALLOWED_NAMES = ALLOWED.values().stream().flatMap(List::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private ConfigurationScreen() {
    }

    private static Map<String, List<String>> allowed() {
        String layers = "org.deeplearning4j.nn.conf.layers.";
        String activations = "org.nd4j.linalg.activations.impl.";
        String updaters = "org.nd4j.linalg.learning.config.";
        String schedules = "org.nd4j.linalg.schedule.";
        Map<String, List<String>> m = new LinkedHashMap<>();
        // Graphs: transfer models (FrozenLayer around the backbone's layers) and MobileNet imported from Keras.
        m.put("layers", List.of(layers + "ConvolutionLayer", layers + "SubsamplingLayer", layers + "DenseLayer",
                layers + "DropoutLayer", layers + "BatchNormalization", layers + "OutputLayer",
                layers + "DepthwiseConvolution2D", layers + "ActivationLayer", layers + "GlobalPoolingLayer",
                layers + "misc.FrozenLayer"));
        m.put("vertices", List.of("org.deeplearning4j.nn.conf.graph.LayerVertex",
                "org.deeplearning4j.nn.conf.graph.PreprocessorVertex"));
        m.put("preprocessors", List.of("org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor",
                "org.deeplearning4j.preprocessors.ReshapePreprocessor"));
        m.put("activations", List.of(activations + "ActivationReLU", activations + "ActivationLReLU",
                activations + "ActivationELU", activations + "ActivationTanH", activations + "ActivationSigmoid",
                activations + "ActivationIdentity", activations + "ActivationSoftmax", activations + "ActivationReLU6"));
        m.put("optimizers", List.of(updaters + "Adam", updaters + "Sgd", updaters + "Nesterovs",
                updaters + "RmsProp"));
        m.put("schedules", List.of(schedules + "FixedSchedule", schedules + "MapSchedule",
                schedules + "StepSchedule", schedules + "RampSchedule"));
        m.put("regularization", List.of("org.nd4j.linalg.learning.regularization.L2Regularization"));
        m.put("loss functions", List.of("org.nd4j.linalg.lossfunctions.impl.LossMCXENT"));
        m.put("weight initialisation", List.of("org.deeplearning4j.nn.weights.WeightInitXavier",
                "org.deeplearning4j.nn.weights.WeightInitRelu",
                "org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanAvg")); // Keras's glorot_uniform
        m.put("dropout", List.of("org.deeplearning4j.nn.conf.dropout.Dropout"));
        return java.util.Collections.unmodifiableMap(m);
    }

    static boolean isAllowed(String className) {
        return ALLOWED_NAMES.contains(className);
    }

    static void check(JsonNode root, Path file) throws InvalidModelException {
        String where = file + " (" + ModelZipScreen.CONFIGURATION + ")";
        if (root == null || !root.isObject()) {
            throw new InvalidModelException("cannot use " + where + ": expected a JSON object describing a DL4J "
                    + "network, found " + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase())
                    + ". The file is damaged or was not saved by the DL4J Workbench");
        }
        if (root.has("vertices")) {
            checkGraph(root, where);
        } else {
            checkLayers(root, where);
        }
        walk(root, "", 0, where);
    }

    /** A MultiLayerNetwork: a list of layer configurations, each naming its class. */
    private static void checkLayers(JsonNode root, String where) throws InvalidModelException {
        JsonNode confs = root.get("confs");
        if (confs == null || !confs.isArray() || confs.isEmpty()) {
            throw new InvalidModelException("cannot use " + where + ": expected a DL4J network configuration (a "
                    + "\"confs\" list of layers, or a graph's \"vertices\"), found neither. It was not saved by the "
                    + "DL4J Workbench");
        }
        if (confs.size() > MAX_LAYERS) {
            throw tooManyLayers(where, confs.size());
        }
        for (int i = 0; i < confs.size(); i++) {
            requireLayerClass(confs.get(i).path("layer"), "layer " + i, where);
        }
    }

    /**
     * A ComputationGraph: vertices by name, each naming its class, a layer vertex's layer too;
     * one input (the image) and one output (the classes), as the workbench feeds and reads it.
     */
    private static void checkGraph(JsonNode root, String where) throws InvalidModelException {
        JsonNode vertices = root.get("vertices");
        if (!vertices.isObject() || vertices.isEmpty()) {
            throw new InvalidModelException("cannot use " + where + ": expected a DL4J graph with \"vertices\" by "
                    + "name, found " + describe(vertices) + ". The file is damaged or was not saved by the DL4J "
                    + "Workbench");
        }
        if (vertices.size() > MAX_LAYERS) {
            throw tooManyLayers(where, vertices.size());
        }
        for (String list : List.of("networkInputs", "networkOutputs")) {
            JsonNode names = root.path(list);
            if (!names.isArray() || names.size() != 1 || !names.get(0).isTextual()) {
                throw new InvalidModelException("cannot use " + where + ": expected a graph with one image input "
                        + "and one output, found " + list + " " + abbreviate(names.toString()) + ". The workbench "
                        + "classifies single images; the model was not made or imported by it");
            }
        }
        if (!root.path("vertexInputs").isObject()) {
            throw new InvalidModelException("cannot use " + where + ": expected the graph's \"vertexInputs\", found "
                    + describe(root.get("vertexInputs")) + ". The file is damaged or was not saved by the DL4J "
                    + "Workbench");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = vertices.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> vertex = it.next();
            String name = "vertex '" + abbreviate(vertex.getKey()) + "'";
            if (!vertex.getValue().isObject() || !vertex.getValue().has("@class")) {
                throw new InvalidModelException("cannot use " + where + ": " + name + " has no \"@class\"; the file "
                        + "is damaged or was not saved by the DL4J Workbench");
            }
            JsonNode layerConf = vertex.getValue().get("layerConf");
            if (layerConf != null) {
                requireLayerClass(layerConf.path("layer"), name, where);
            }
        }
    }

    private static void requireLayerClass(JsonNode layer, String name, String where) throws InvalidModelException {
        if (!layer.isObject() || !layer.has("@class")) {
            throw new InvalidModelException("cannot use " + where + ": " + name + " has no \"@class\"; this "
                    + "is DL4J's format from before 1.0, which the workbench does not read. Save the model "
                    + "again with DL4J 1.0 or later, or train it in the workbench");
        }
    }

    private static UnsafeModelException tooManyLayers(String where, int count) {
        return new UnsafeModelException("refused " + where + ": it lists " + count + " layers, more than "
                + MAX_LAYERS + "; the file is damaged or made to exhaust memory");
    }

    private static String describe(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static void walk(JsonNode node, String path, int depth, String where) throws InvalidModelException {
        if (depth > MAX_DEPTH) {
            throw new UnsafeModelException("refused " + where + ": JSON nested more than " + MAX_DEPTH
                    + " levels deep at " + path + "; a DL4J configuration nests about 7. The file is damaged "
                    + "or made to exhaust the stack");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", depth + 1, where);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            if (key.equals("@class")) {
                checkClass(field.getValue(), path.isEmpty() ? "the top level" : path, where);
            } else if (key.startsWith("@")) {
                // DL4J names types only with "@class"; any other type property is somebody's trick.
                throw new UnsafeModelException("refused " + where + ": unexpected type property \"" + key + "\" at "
                        + path + "; DL4J configurations name classes only with \"@class\"");
            }
            walk(field.getValue(), at, depth + 1, where);
        }
    }

    private static void checkClass(JsonNode value, String path, String where) throws UnsafeModelException {
        String name = value.isTextual() ? value.textValue() : value.toString();
        if (value.isTextual() && isAllowed(name)) {
            return;
        }
        StringBuilder allowed = new StringBuilder();
        ALLOWED.forEach((role, classes) -> allowed.append(allowed.length() == 0 ? "" : "; ").append(role)
                .append(": ").append(String.join(", ", classes.stream().map(c -> c.substring(c.lastIndexOf('.') + 1))
                        .toList())));
        throw new UnsafeModelException("refused " + where + ": it names the class '" + abbreviate(name) + "' at "
                + path + ", and DL4J would load and create any class a configuration names. Only the DL4J classes "
                + "the workbench uses are allowed (" + allowed + "). The model was not made by this workbench, "
                + "or was altered");
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
