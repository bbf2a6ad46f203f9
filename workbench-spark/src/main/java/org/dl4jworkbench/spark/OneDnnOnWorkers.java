package org.dl4jworkbench.spark;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingHook;
import org.dl4jworkbench.core.model.Network;
import org.dl4jworkbench.core.train.OneDnnHelpers;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Gives each worker's copy of the network the oneDNN layer helpers that {@code train} gives its
 * network ({@link OneDnnHelpers}, docs/decisions/0004): DL4J makes the copies on the executors
 * from the configuration, without them, and its convolutions then take the slow im2col path.
 * Installed before every minibatch, since a worker may make a new copy for each averaging round;
 * installing is a few field writes.
 */
final class OneDnnOnWorkers implements TrainingHook {

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        install(model);
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        install(model);
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
    }

    private static void install(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            OneDnnHelpers.install(Network.of(net));
        } else if (model instanceof ComputationGraph graph) {
            OneDnnHelpers.install(Network.of(graph));
        }
    }
}
