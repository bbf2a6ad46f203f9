package org.dl4jworkbench.core.explain;

import java.util.List;
import java.util.function.ToIntFunction;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward pass in inference mode that keeps every layer's output, then the class score's
 * gradient walked back from the output to a chosen layer (or to the input), for a sequential
 * network ({@link SequentialWalk}) or a graph ({@link GraphWalk}). Not thread-safe: the
 * caller holds the network's lock.
 */
interface NetworkWalk {

    /** The layer names in forward order (for a graph, its vertices in topological order, inputs left out). */
    List<String> layerNames();

    /** The configuration of a named layer (frozen wrappers removed), or null for a vertex without a layer. */
    Layer layerConf(String name);

    /**
     * The layer a named layer hands its output to where that is its only consumer, else null:
     * how Grad-CAM's default moves from a convolution to the normalization and activation after it.
     */
    String soleConsumer(String name);

    /** The layers from the input to a named one, in forward order (null for vertices without a layer). */
    List<Layer> pathTo(String name);

    /**
     * @param chooseClass the class whose score to explain, chosen from the network's output
     * @param target a layer name, or null for the input
     * @return the target's output (the input for null) and the score's gradient with respect to it
     */
    Pass run(INDArray input, ToIntFunction<INDArray> chooseClass, String target);

    /** What one walk found: {@code output} is the network's output (class probabilities), {@code targetClass} the class explained. */
    record Pass(INDArray activations, INDArray gradient, INDArray output, int targetClass) {
    }

    static boolean isConvolution(Layer conf) {
        return Network.inside(conf) instanceof ConvolutionLayer;
    }

    /** Layers that keep a convolution's feature maps as they are, channel by channel. */
    static boolean keepsChannels(Layer conf) {
        Layer l = Network.inside(conf);
        return l instanceof BatchNormalization || l instanceof ActivationLayer;
    }
}
