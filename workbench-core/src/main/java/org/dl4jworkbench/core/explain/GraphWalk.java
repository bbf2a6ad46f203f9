package org.dl4jworkbench.core.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import java.util.function.ToIntFunction;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link NetworkWalk} for a {@link ComputationGraph} with one input and one output (the
 * transfer models and Keras imports): vertices run in topological order; going back, each
 * vertex's gradient is summed over its consumers before it is passed on, so branches that
 * meet again (merges, additions) are counted once each.
 */
final class GraphWalk implements NetworkWalk {

    private final ComputationGraph graph;
    private final GraphVertex[] vertices;
    private final int[] order;
    private final int output;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    GraphWalk(ComputationGraph graph) {
        this.graph = graph;
        this.vertices = graph.getVertices();
        this.order = graph.topologicalSortOrder();
        var conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new ExplainException("explanations need a network with one input and one output; this graph has "
                    + conf.getNetworkInputs().size() + " inputs and " + conf.getNetworkOutputs().size() + " outputs");
        }
        for (GraphVertex v : vertices) {
            index.put(v.getVertexName(), v.getVertexIndex());
        }
        for (int i : order) {
            if (!vertices[i].isInputVertex()) {
                names.add(vertices[i].getVertexName());
            }
        }
        this.output = index.get(conf.getNetworkOutputs().get(0));
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(names);
    }

    @Override
    public Layer layerConf(String name) {
        Integer i = index.get(name);
        return i == null || !vertices[i].hasLayer() ? null
                : Network.inside(vertices[i].getLayer().conf().getLayer());
    }

    @Override
    public List<Layer> pathTo(String name) {
        List<Layer> path = new ArrayList<>();
        // Back along first inputs: where branches meet again (additions) they share one geometry.
        for (GraphVertex v = vertices[index.get(name)]; !v.isInputVertex();
                v = vertices[v.getInputVertices()[0].getVertexIndex()]) {
            path.add(0, v.hasLayer() ? Network.inside(v.getLayer().conf().getLayer()) : null);
        }
        return path;
    }

    @Override
    public String soleConsumer(String name) {
        Integer i = index.get(name);
        VertexIndices[] out = i == null ? null : vertices[i].getOutputVertices();
        return out == null || out.length != 1 ? null : vertices[out[0].getVertexIndex()].getVertexName();
    }

    @Override
    public Pass run(INDArray input, ToIntFunction<INDArray> chooseClass, String target) {
        // Some vertices (preprocessors) read the batch size from the graph's own input.
        graph.setInput(0, input);
        try {
            return walk(input, chooseClass, target);
        } finally {
            graph.clear();
        }
    }

    private Pass walk(INDArray input, ToIntFunction<INDArray> chooseClass, String target) {
        Integer targetIndex = target == null ? null : index.get(target);
        if (target != null && targetIndex == null) {
            throw new IllegalArgumentException("no layer '" + target + "'");
        }
        var workspaces = LayerWorkspaceMgr.noWorkspaces();
        int batch = (int) input.size(0);
        INDArray[] outputs = new INDArray[vertices.length];
        INDArray[] layerInputs = new INDArray[vertices.length];
        int inputIndex = -1;
        for (int i : order) {
            GraphVertex v = vertices[i];
            if (v.isInputVertex()) {
                outputs[i] = input;
                inputIndex = i;
                continue;
            }
            VertexIndices[] from = v.getInputVertices();
            if (v.hasLayer()) {
                // A copy for every layer: some activations work in place, and the outputs kept here must stay.
                INDArray in = outputs[from[0].getVertexIndex()].dup();
                InputPreProcessor pre = ((LayerVertex) v).getLayerPreProcessor();
                if (pre != null) {
                    in = pre.preProcess(in, batch, workspaces);
                }
                layerInputs[i] = in;
                outputs[i] = v.getLayer().activate(in, false, workspaces);
            } else {
                for (int j = 0; j < from.length; j++) {
                    v.setInput(j, outputs[from[j].getVertexIndex()].dup(), workspaces);
                }
                outputs[i] = v.doForward(false, workspaces);
            }
        }
        int stop = targetIndex == null ? inputIndex : targetIndex;
        INDArray[] epsilons = new INDArray[vertices.length];
        int start = scoreVertex();
        GraphVertex s = vertices[start];
        int targetClass = chooseClass.applyAsInt(outputs[output]);
        INDArray scoreGradient = s.hasLayer() ? LayerBackprop.scoreGradient(s.getLayer(), layerInputs[start], targetClass) : null;
        if (scoreGradient == null) {
            throw new ExplainException("the network's output '" + s.getVertexName()
                    + "' is no classifier output; explanations need a softmax (or other activated) class output");
        }
        pass(s, preBackprop(s, scoreGradient, batch, workspaces), epsilons);
        for (int k = order.length - 1; k >= 0; k--) {
            int i = order[k];
            if (i == stop) {
                break;
            }
            if (epsilons[i] == null || vertices[i].isInputVertex()) {
                continue;
            }
            pass(vertices[i], backward(vertices[i], epsilons[i], batch, workspaces), epsilons);
        }
        INDArray gradient = epsilons[stop];
        if (gradient == null) {
            throw new ExplainException("the class score does not depend on layer '" + vertices[stop].getVertexName() + "'");
        }
        return new Pass(outputs[stop], gradient, outputs[output], targetClass);
    }

    /** The output vertex, or the softmax before it where the output only passes its input on (Keras imports). */
    private int scoreVertex() {
        int i = output;
        while (vertices[i].hasLayer() && LayerBackprop.passesThrough(vertices[i].getLayer())
                && vertices[i].getInputVertices().length == 1) {
            i = vertices[i].getInputVertices()[0].getVertexIndex();
        }
        return i;
    }

    private static INDArray[] backward(GraphVertex v, INDArray epsilon, int batch, LayerWorkspaceMgr workspaces) {
        if (v.hasLayer()) {
            return preBackprop(v, LayerBackprop.backprop(v.getLayer(), epsilon, workspaces), batch, workspaces);
        }
        v.setEpsilon(epsilon);
        return v.doBackward(false, workspaces).getSecond();
    }

    private static INDArray[] preBackprop(GraphVertex v, INDArray epsilon, int batch, LayerWorkspaceMgr workspaces) {
        InputPreProcessor pre = ((LayerVertex) v).getLayerPreProcessor();
        return new INDArray[] {pre == null ? epsilon : pre.backprop(epsilon, batch, workspaces)};
    }

    /** Adds a vertex's input gradients to the gradients at the outputs of the vertices it reads. */
    private void pass(GraphVertex v, INDArray[] inputGradients, INDArray[] epsilons) {
        VertexIndices[] from = v.getInputVertices();
        for (int j = 0; j < from.length; j++) {
            int src = from[j].getVertexIndex();
            INDArray g = inputGradients[j];
            epsilons[src] = epsilons[src] == null ? g.dup() : epsilons[src].add(g);
        }
    }
}
