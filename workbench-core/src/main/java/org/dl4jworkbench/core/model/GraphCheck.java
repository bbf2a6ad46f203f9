package org.dl4jworkbench.core.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;

/**
 * The checks of {@link NetworkCheck} for a {@code ComputationGraph}, before anything is
 * allocated for it: that its vertices form a graph from its one input to its one output (no
 * missing names, no cycles), how many parameters it implies, how large its activations are for
 * one image, and that it takes the metadata's images and gives one value per class.
 * Everything is arithmetic on the configuration.
 */
final class GraphCheck {

    private GraphCheck() {
    }

    /** The vertices in an order where each comes after its inputs; refuses unknown inputs and cycles. */
    static List<String> order(ComputationGraphConfiguration conf, String where) throws InvalidModelException {
        Map<String, GraphVertex> vertices = conf.getVertices();
        Map<String, List<String>> inputs = conf.getVertexInputs();
        String input = conf.getNetworkInputs().get(0);
        if (vertices.containsKey(input)) {
            throw damaged(where, "its input '" + input + "' is also a vertex");
        }
        if (!vertices.containsKey(conf.getNetworkOutputs().get(0))) {
            throw damaged(where, "its output '" + conf.getNetworkOutputs().get(0) + "' is no vertex");
        }
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> next = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (Map.Entry<String, GraphVertex> v : vertices.entrySet()) {
            List<String> in = inputs.get(v.getKey());
            GraphVertex vertex = v.getValue();
            if (in == null || in.isEmpty() || in.size() < vertex.minVertexInputs()
                    || in.size() > vertex.maxVertexInputs()) {
                throw damaged(where, "vertex '" + v.getKey() + "' has " + (in == null ? 0 : in.size()) + " inputs");
            }
            int pending = 0;
            for (String from : in) {
                if (from.equals(input)) {
                    continue;
                }
                if (!vertices.containsKey(from)) {
                    throw damaged(where, "vertex '" + v.getKey() + "' takes its input from '" + from
                            + "', which is neither a vertex nor the input");
                }
                next.computeIfAbsent(from, k -> new ArrayList<>()).add(v.getKey());
                pending++;
            }
            waiting.put(v.getKey(), pending);
            if (pending == 0) {
                ready.add(v.getKey());
            }
        }
        if (!vertices.keySet().containsAll(inputs.keySet())) {
            throw damaged(where, "it lists inputs for vertices it does not have");
        }
        List<String> order = new ArrayList<>(vertices.size());
        while (!ready.isEmpty()) {
            String v = ready.poll();
            order.add(v);
            for (String after : next.getOrDefault(v, List.of())) {
                if (waiting.merge(after, -1, Integer::sum) == 0) {
                    ready.add(after);
                }
            }
        }
        if (order.size() != vertices.size()) {
            throw damaged(where, "its vertices form a cycle");
        }
        return order;
    }

    /** The parameter count the configuration implies, refused above {@link NetworkCheck#MAX_PARAMETERS}. */
    static long parameters(ComputationGraphConfiguration conf, List<String> order, String where)
            throws InvalidModelException {
        long total = 0;
        for (int i = 0; i < order.size(); i++) {
            GraphVertex vertex = conf.getVertices().get(order.get(i));
            long count;
            try {
                Layer layer = layer(vertex);
                if (layer != null) {
                    NetworkCheck.checkBound(layer, i, where);
                }
                count = vertex.numParams(true);
            } catch (RuntimeException e) {
                throw new InvalidModelException("cannot use " + where + ": vertex '" + order.get(i) + "' is malformed ("
                        + e + "); the file is damaged or altered", e);
            }
            if (count < 0 || count > NetworkCheck.MAX_PARAMETERS - total) {
                throw NetworkCheck.tooMany(where, String.format(Locale.ROOT,
                        "at least %,d parameters (vertex '%s' alone %,d)", total + Math.max(0, count), order.get(i),
                        count));
            }
            total += count;
        }
        return total;
    }

    /**
     * Checks that the graph takes the metadata's images (channels-last or not, as the network
     * is fed) and gives one value per class: every layer's input size matches what reaches it,
     * activations for one image stay under the limit, and the output has as many values as
     * {@code workbench.json} names classes.
     */
    static void agreesWith(ComputationGraphConfiguration conf, List<String> order, ModelMetadata m,
                           boolean channelsLast, String where) throws InvalidModelException {
        String images = m.height() + "x" + m.width() + "x" + m.channels() + " images";
        InputType image = InputType.convolutional(m.height(), m.width(), m.channels(),
                channelsLast ? CNN2DFormat.NHWC : CNN2DFormat.NCHW);
        Map<String, InputType> types = new HashMap<>();
        types.put(conf.getNetworkInputs().get(0), image);
        long activations = image.arrayElementsPerExample();
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            GraphVertex vertex = conf.getVertices().get(name);
            InputType[] in = conf.getVertexInputs().get(name).stream().map(types::get).toArray(InputType[]::new);
            InputType out;
            try {
                Layer layer = layer(vertex);
                if (layer instanceof FeedForwardLayer ff && layer.initializer().numParams(layer) > 0) {
                    InputPreProcessor pre = ((LayerVertex) vertex).getPreProcessor();
                    if (pre != null) {
                        NetworkCheck.checkPreprocessor(pre, in[0], layer, i, where);
                    }
                    long receives = NetworkCheck.incomingSize(pre == null ? in[0] : pre.getOutputType(in[0]));
                    if (ff.getNIn() != receives) {
                        throw new InvalidModelException("cannot use " + where + ": layer '" + name + "' expects "
                                + ff.getNIn() + " inputs but receives " + receives + " for " + images
                                + "; the file's metadata and network disagree (damaged or altered)");
                    }
                }
                out = vertex.getOutputType(i, in);
            } catch (InvalidModelException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidModelException("cannot use " + where + ": the network does not accept " + images
                        + " at vertex '" + name + "' (" + e.getMessage() + "); the file is damaged or altered", e);
            }
            long size = out.arrayElementsPerExample();
            if (size <= 0) {
                throw new InvalidModelException("cannot use " + where + ": vertex '" + name + "' gives an empty "
                        + "output for " + images + "; the file is damaged or altered");
            }
            activations += size;
            if (activations > NetworkCheck.MAX_ACTIVATIONS_PER_IMAGE) {
                throw new UnsafeModelException("refused " + where + ": one image would need more than "
                        + String.format(Locale.ROOT, "%,d", NetworkCheck.MAX_ACTIVATIONS_PER_IMAGE)
                        + " activation values (at vertex '" + name + "'); the file is damaged or made to exhaust "
                        + "memory");
            }
            types.put(name, out);
        }
        long outputs = types.get(conf.getNetworkOutputs().get(0)).arrayElementsPerExample();
        int classes = m.classNames().size();
        if (outputs != classes) {
            throw new InvalidModelException("cannot use " + where + ": the network has " + outputs
                    + " outputs but workbench.json names " + classes + " classes; the file is damaged or altered");
        }
    }

    /** The layer of a layer vertex, unwrapped where frozen; null for other vertices. */
    static Layer layer(GraphVertex vertex) {
        if (!(vertex instanceof LayerVertex lv) || lv.getLayerConf() == null) {
            return null;
        }
        Layer layer = lv.getLayerConf().getLayer();
        return layer instanceof FrozenLayer frozen ? frozen.getLayer() : layer;
    }

    static boolean isFrozen(GraphVertex vertex) {
        return vertex instanceof LayerVertex lv && lv.getLayerConf() != null
                && lv.getLayerConf().getLayer() instanceof FrozenLayer;
    }

    private static InvalidModelException damaged(String where, String what) {
        return new InvalidModelException("cannot use " + where + ": " + what + "; the file is damaged or altered");
    }
}
