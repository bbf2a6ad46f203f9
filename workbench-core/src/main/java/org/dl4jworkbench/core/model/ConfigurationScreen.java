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
 * classes that {@code SpecCompiler} writes (exact names, not packages: a model needing any
 * other class was not made by this workbench). Layers must carry {@code "@class"}: the
 * pre-1.0 formats that name types otherwise are not read. The allow-list is kept in step
 * with the compiler by a test that screens every template and option.
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
        m.put("layers", List.of(layers + "ConvolutionLayer", layers + "SubsamplingLayer", layers + "DenseLayer",
                layers + "DropoutLayer", layers + "BatchNormalization", layers + "OutputLayer"));
        m.put("preprocessors", List.of("org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor"));
        m.put("activations", List.of(activations + "ActivationReLU", activations + "ActivationLReLU",
                activations + "ActivationELU", activations + "ActivationTanH", activations + "ActivationSigmoid",
                activations + "ActivationIdentity", activations + "ActivationSoftmax"));
        m.put("optimizers", List.of(updaters + "Adam", updaters + "Sgd", updaters + "Nesterovs",
                updaters + "RmsProp"));
        m.put("schedules", List.of(schedules + "FixedSchedule", schedules + "MapSchedule",
                schedules + "StepSchedule", schedules + "RampSchedule"));
        m.put("regularization", List.of("org.nd4j.linalg.learning.regularization.L2Regularization"));
        m.put("loss functions", List.of("org.nd4j.linalg.lossfunctions.impl.LossMCXENT"));
        m.put("weight initialisation", List.of("org.deeplearning4j.nn.weights.WeightInitXavier",
                "org.deeplearning4j.nn.weights.WeightInitRelu"));
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
        JsonNode confs = root.get("confs");
        if (confs == null || !confs.isArray() || confs.isEmpty()) {
            String found = root.has("vertices") ? "a ComputationGraph (the workbench reads MultiLayerNetworks only)"
                    : "no \"confs\" list of layers";
            throw new InvalidModelException("cannot use " + where + ": expected a DL4J MultiLayerNetwork "
                    + "configuration, found " + found + ". It was not saved by the DL4J Workbench");
        }
        if (confs.size() > MAX_LAYERS) {
            throw new UnsafeModelException("refused " + where + ": it lists " + confs.size() + " layers, more than "
                    + MAX_LAYERS + "; the file is damaged or made to exhaust memory");
        }
        for (int i = 0; i < confs.size(); i++) {
            JsonNode layer = confs.get(i).path("layer");
            if (!layer.isObject() || !layer.has("@class")) {
                throw new InvalidModelException("cannot use " + where + ": layer " + i + " has no \"@class\"; this "
                        + "is DL4J's format from before 1.0, which the workbench does not read. Save the model "
                        + "again with DL4J 1.0 or later, or train it in the workbench");
            }
        }
        walk(root, "", 0, where);
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
