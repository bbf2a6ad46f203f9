package org.dl4jworkbench.core.explain;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import java.util.function.ToIntFunction;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link NetworkWalk} for a {@link MultiLayerNetwork}: a chain of layers, each with an optional input preprocessor. */
final class SequentialWalk implements NetworkWalk {

    private final MultiLayerNetwork net;
    private final MultiLayerConfiguration conf;
    private final List<String> names = new ArrayList<>();

    SequentialWalk(MultiLayerNetwork net) {
        this.net = net;
        this.conf = net.getLayerWiseConfigurations();
        for (int i = 0; i < net.getnLayers(); i++) {
            String name = conf.getConf(i).getLayer().getLayerName();
            names.add(name == null || name.isBlank() ? String.valueOf(i) : name);
        }
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(names);
    }

    @Override
    public Layer layerConf(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : Network.inside(conf.getConf(i).getLayer());
    }

    @Override
    public List<Layer> pathTo(String name) {
        List<Layer> path = new ArrayList<>();
        for (int i = 0; i <= names.indexOf(name); i++) {
            path.add(Network.inside(conf.getConf(i).getLayer()));
        }
        return path;
    }

    @Override
    public String soleConsumer(String name) {
        int i = names.indexOf(name);
        return i >= 0 && i + 1 < names.size() ? names.get(i + 1) : null;
    }

    @Override
    public Pass run(INDArray input, ToIntFunction<INDArray> chooseClass, String target) {
        try {
            return walk(input, chooseClass, target);
        } finally {
            net.clearLayersStates(); // the layers let go of this image's inputs, as after output()
        }
    }

    private Pass walk(INDArray input, ToIntFunction<INDArray> chooseClass, String target) {
        int stop = target == null ? -1 : names.indexOf(target);
        if (target != null && stop < 0) {
            throw new IllegalArgumentException("no layer '" + target + "'");
        }
        var workspaces = LayerWorkspaceMgr.noWorkspaces();
        int n = net.getnLayers();
        int batch = (int) input.size(0);
        INDArray[] inputs = new INDArray[n];
        INDArray[] outputs = new INDArray[n];
        INDArray x = input;
        for (int i = 0; i < n; i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            // Every layer gets a copy: some activations work in place, and the outputs kept here must stay as they were.
            INDArray in = x.dup();
            if (pre != null) {
                in = pre.preProcess(in, batch, workspaces);
            }
            inputs[i] = in;
            outputs[i] = net.getLayer(i).activate(in, false, workspaces);
            x = outputs[i];
        }
        int targetClass = chooseClass.applyAsInt(outputs[n - 1]);
        INDArray epsilon = LayerBackprop.scoreGradient(net.getLayer(n - 1), inputs[n - 1], targetClass);
        if (epsilon == null) {
            throw new ExplainException("the network's last layer '" + names.get(n - 1)
                    + "' is no classifier output; explanations need a softmax (or other activated) class output");
        }
        for (int i = n - 1; i > stop; i--) {
            if (i < n - 1) {
                epsilon = LayerBackprop.backprop(net.getLayer(i), epsilon, workspaces);
            }
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                epsilon = pre.backprop(epsilon, batch, workspaces);
            }
        }
        return new Pass(stop < 0 ? input : outputs[stop], epsilon, outputs[n - 1], targetClass);
    }
}
