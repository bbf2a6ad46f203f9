package org.dl4jworkbench.core.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every layer's output for one input, and the first plain convolution's weights, copied out of
 * a network while holding its monitor (DL4J's {@code output} is synchronized on it, so
 * predictions and this take turns instead of sharing the layers' state). Layers in order: a
 * sequential network's, or a graph's layer vertices in topological order (merges and other
 * plumbing left out). Images come channel-planar, a channels-last graph's permuted.
 */
record Copies(List<Raw> layers, String filterLayer, long[] filterShape, float[] filters) {

    /** One layer's output as copied under the lock: channel-planar for images. */
    record Raw(String name, Layer conf, long[] shape, float[] values) {
    }

    static Copies of(Network network, INDArray x) {
        return network.sequential().isPresent() ? sequential(network.sequential().get(), x)
                : graph(network.graph().orElseThrow(), x, network.channelsLast());
    }

    private static Copies sequential(MultiLayerNetwork net, INDArray x) {
        synchronized (net) {
            // copied at once: [input, layer 0, layer 1, ...]
            List<INDArray> activations = net.feedForward(x, false).stream().map(a -> a.dup('c')).toList();
            var confs = net.getLayerWiseConfigurations().getConfs();
            List<Raw> raws = new ArrayList<>();
            String filterLayer = null;
            long[] filterShape = null;
            float[] filters = null;
            for (int i = 0; i < confs.size(); i++) {
                Layer conf = Network.inside(confs.get(i).getLayer());
                INDArray out = activations.get(i + 1);
                if (i + 1 < confs.size() && Network.inside(confs.get(i + 1).getLayer()) instanceof ActivationLayer) {
                    out = again(net, i, activations.get(i));
                }
                raws.add(raw(conf.getLayerName() == null ? "layer" + i : conf.getLayerName(), conf, out, false));
                if (filters == null && isPlainConvolution(conf)) {
                    INDArray weights = net.getLayer(i).getParam("W").dup();
                    filterLayer = raws.get(i).name();
                    filterShape = weights.shape();
                    filters = flat(weights);
                }
            }
            return new Copies(raws, filterLayer, filterShape, filters);
        }
    }

    /**
     * Layer {@code i}'s output computed once more from its input: an activation layer after it
     * applies its function in place, so {@code feedForward} hands back this layer's output
     * already overwritten (a batch normalization would show the relu's output).
     */
    private static INDArray again(MultiLayerNetwork net, int i, INDArray input) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        INDArray in = input.dup('c');
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
        if (pre != null) {
            in = pre.preProcess(in, (int) in.size(0), none);
        }
        return net.getLayer(i).activate(in, false, none).dup('c');
    }

    private static Copies graph(ComputationGraph graph, INDArray x, boolean channelsLast) {
        synchronized (graph) {
            Map<String, INDArray> activations = new HashMap<>();
            graph.feedForward(x, false).forEach((name, a) -> activations.put(name, a.dup('c')));
            GraphVertex[] vertices = graph.getVertices();
            List<Raw> raws = new ArrayList<>();
            String filterLayer = null;
            long[] filterShape = null;
            float[] filters = null;
            for (int index : graph.topologicalSortOrder()) {
                GraphVertex v = vertices[index];
                String name = v.getVertexName();
                if (v.isInputVertex() || !v.hasLayer() || !activations.containsKey(name)) {
                    continue; // plumbing (merges, preprocessors) shows in the layers around it
                }
                if (feedsActivationLayer(v, vertices)) {
                    activations.put(name, again(v, vertices, activations, x));
                }
                Layer conf = Network.inside(v.getLayer().conf().getLayer());
                raws.add(raw(name, conf, activations.get(name), channelsLast));
                if (filters == null && isPlainConvolution(conf)) {
                    INDArray weights = v.getLayer().getParam("W").dup();
                    filterLayer = name;
                    filterShape = weights.shape();
                    filters = flat(weights);
                }
            }
            return new Copies(raws, filterLayer, filterShape, filters);
        }
    }

    private static boolean feedsActivationLayer(GraphVertex v, GraphVertex[] vertices) {
        if (v.getOutputVertices() == null) {
            return false;
        }
        for (VertexIndices out : v.getOutputVertices()) {
            GraphVertex next = vertices[out.getVertexIndex()];
            if (next.hasLayer() && Network.inside(next.getLayer().conf().getLayer()) instanceof ActivationLayer) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #again(MultiLayerNetwork, int, INDArray)}, for a graph's vertex (its preprocessor included). */
    private static INDArray again(GraphVertex v, GraphVertex[] vertices, Map<String, INDArray> activations,
                                  INDArray x) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        VertexIndices[] inputs = v.getInputVertices();
        for (int k = 0; k < inputs.length; k++) {
            GraphVertex in = vertices[inputs[k].getVertexIndex()];
            INDArray a = activations.get(in.getVertexName());
            v.setInput(k, (a == null && in.isInputVertex() ? x : a).dup('c'), none);
        }
        return v.doForward(false, none).dup('c');
    }

    /** An activation (already copied), channel-planar. */
    private static Raw raw(String name, Layer conf, INDArray activation, boolean channelsLast) {
        INDArray a = activation;
        if (a.rank() == 4 && channelsLast) {
            a = a.permute(0, 3, 1, 2).dup('c');
        }
        long[] shape = a.shape();
        if (a.rank() != 4 && a.rank() != 2) {
            shape = new long[] {1, a.length()};
        }
        return new Raw(name, conf, shape, flat(a));
    }

    /** Every value, in 'c' order, as floats. */
    private static float[] flat(INDArray a) {
        return Nd4j.toFlattened('c', a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)).toFloatVector();
    }

    private static boolean isPlainConvolution(Layer conf) {
        return conf instanceof ConvolutionLayer && !(conf instanceof DepthwiseConvolution2D)
                && !(conf instanceof SeparableConvolution2D);
    }

}
