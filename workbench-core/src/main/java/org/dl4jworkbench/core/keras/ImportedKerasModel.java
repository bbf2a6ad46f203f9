package org.dl4jworkbench.core.keras;

import java.nio.file.Path;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A Keras model as DL4J runs it: a {@link ComputationGraph} for a functional model, a
 * {@link MultiLayerNetwork} for a Sequential one, with what the file said about itself.
 *
 * @param network     the DL4J network, weights loaded
 * @param input       the image shape one example has, and its channel order
 * @param outputs     values per example of the (single) output, e.g. 1000 ImageNet classes
 * @param parameters  parameter count of the DL4J network
 * @param kerasVersion {@code keras_version} of the file, e.g. "2.1.4"
 * @param backend     {@code backend} of the file, e.g. "tensorflow"
 * @param source      the file imported (the weights file where architecture and weights came apart)
 */
public record ImportedKerasModel(Model network, KerasInputShape input, long outputs, long parameters,
        String kerasVersion, String backend, Path source) {

    public boolean isGraph() {
        return network instanceof ComputationGraph;
    }

    /** @throws IllegalStateException for a Sequential model; see {@link #isGraph()} */
    public ComputationGraph graph() {
        if (network instanceof ComputationGraph graph) {
            return graph;
        }
        throw new IllegalStateException("a Sequential Keras model imports as a MultiLayerNetwork, not a ComputationGraph");
    }

    /** @throws IllegalStateException for a functional model; see {@link #isGraph()} */
    public MultiLayerNetwork multiLayer() {
        if (network instanceof MultiLayerNetwork multiLayer) {
            return multiLayer;
        }
        throw new IllegalStateException("a functional Keras model imports as a ComputationGraph, not a MultiLayerNetwork");
    }
}
