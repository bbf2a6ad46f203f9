package org.dl4jworkbench.core.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.dl4jworkbench.core.spec.Backbone;
import org.dl4jworkbench.core.spec.Backbones;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * Checks that a transfer model's graph is the one its spec describes, as far as that is cheap:
 * the spec's own layers follow the backbone's cut in order, each of its kind, size, activation
 * and dropout rate, then the softmax output of one unit per class; the backbone is frozen
 * exactly up to where the spec says. Not checked, because it would take the pretrained file
 * (10 MB, a second to import) or a comparison of every vertex: that the backbone's layers and
 * weights are the pretrained network's, and the training settings (optimizer, learning rate,
 * L2), which matter only to training continued. The workbench's own files pass; an altered
 * backbone in a file from a stranger gives wrong answers, not a risk: the allow-list, the sizes
 * and the parameter counts are checked as for every file.
 */
final class TransferAgreement {

    private TransferAgreement() {
    }

    static void check(ComputationGraphConfiguration conf, NetworkSpec spec, String where) throws InvalidModelException {
        if (!spec.hasBackbone()) {
            throw differs(where, "the spec describes a sequential network, the file holds a graph");
        }
        Backbone known = Backbones.find(spec.backbone().model()).orElseThrow(() -> new InvalidModelException(
                "cannot use " + where + ": its spec begins with the pretrained network '" + spec.backbone().model()
                        + "', which this workbench does not know (it knows " + String.join(", ", Backbones.ids())
                        + "). The file was made by a newer workbench, or altered"));
        String previous = known.cutAt();
        if (!conf.getVertices().containsKey(previous)) {
            throw differs(where, "the backbone's cut '" + previous + "' is no vertex of the graph");
        }
        for (LayerSpec layerSpec : spec.layers()) {
            Layer layer = follows(conf, layerSpec.name(), previous, where);
            String problem = mismatch(layerSpec, layer);
            if (problem != null) {
                throw differs(where, "layer '" + layerSpec.name() + "' " + problem);
            }
            previous = layerSpec.name();
        }
        Layer output = follows(conf, OutputSpec.NAME, previous, where);
        if (!(output instanceof OutputLayer out) || !(out.getActivationFn() instanceof ActivationSoftmax)
                || out.getNOut() != spec.output().classes()) {
            throw differs(where, "expected a softmax output layer '" + OutputSpec.NAME + "' of "
                    + spec.output().classes() + " classes after '" + previous + "'");
        }
        if (!conf.getNetworkOutputs().equals(List.of(OutputSpec.NAME))) {
            throw differs(where, "the graph's output is " + conf.getNetworkOutputs() + ", not '" + OutputSpec.NAME + "'");
        }
        checkFrozen(conf, known.frozenUpTo(spec.backbone()), where);
    }

    /** The layer of the (trainable) vertex {@code name}, whose one input is {@code previous}. */
    private static Layer follows(ComputationGraphConfiguration conf, String name, String previous, String where)
            throws InvalidModelException {
        GraphVertex vertex = conf.getVertices().get(name);
        Layer layer = vertex == null ? null : GraphCheck.layer(vertex);
        if (layer == null || GraphCheck.isFrozen(vertex)
                || !List.of(previous).equals(conf.getVertexInputs().get(name))) {
            throw differs(where, "expected the trainable layer '" + name + "' after '" + previous + "'");
        }
        return layer;
    }

    /** What differs between a layer of the spec and the graph's, or null. */
    private static String mismatch(LayerSpec spec, Layer layer) {
        if (spec instanceof DenseSpec d) {
            return layer instanceof DenseLayer dense && dense.getNOut() == d.units() && sameActivation(d, dense)
                    ? null : "is not a dense layer of " + d.units() + " units, " + d.activation();
        } else if (spec instanceof DropoutSpec d) {
            return layer instanceof DropoutLayer drop && drop.getIDropout() instanceof Dropout p
                    && Math.abs(p.getP() - (1.0 - d.rate())) < 1e-9 ? null : "is not a dropout of rate " + d.rate();
        } else if (spec instanceof BatchNormSpec) {
            return layer instanceof BatchNormalization ? null : "is not batch normalization";
        } else if (spec instanceof ConvolutionSpec c) {
            return layer instanceof ConvolutionLayer conv && conv.getNOut() == c.filters() ? null
                    : "is not a convolution of " + c.filters() + " filters";
        }
        return layer instanceof SubsamplingLayer ? null : "is not a pooling layer";
    }

    private static boolean sameActivation(DenseSpec spec, BaseLayer layer) {
        var expected = org.nd4j.linalg.activations.Activation.valueOf(spec.activation().name().replace("_", ""));
        return layer.getActivationFn() != null
                && layer.getActivationFn().getClass() == expected.getActivationFunction().getClass();
    }

    /** Frozen are {@code frozenUpTo} and every vertex before it (as DL4J's feature extractor freezes), no other. */
    private static void checkFrozen(ComputationGraphConfiguration conf, String frozenUpTo, String where)
            throws InvalidModelException {
        Set<String> frozen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(frozenUpTo));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (conf.getVertices().containsKey(v) && frozen.add(v)) {
                todo.addAll(conf.getVertexInputs().get(v));
            }
        }
        for (var v : conf.getVertices().entrySet()) {
            boolean layer = GraphCheck.layer(v.getValue()) != null;
            if (layer && GraphCheck.isFrozen(v.getValue()) != frozen.contains(v.getKey())) {
                throw differs(where, "vertex '" + v.getKey() + "' is " + (frozen.contains(v.getKey()) ? "trainable"
                        : "frozen") + ", but the spec freezes the backbone up to '" + frozenUpTo + "'");
            }
        }
    }

    private static InvalidModelException differs(String where, String what) {
        return new InvalidModelException("cannot use " + where + ": the network is not the one the spec in "
                + ModelFiles.METADATA_ENTRY + " describes (" + what + "). The file was altered or damaged; train "
                + "the model again, or ask for the file as the workbench saved it");
    }
}
