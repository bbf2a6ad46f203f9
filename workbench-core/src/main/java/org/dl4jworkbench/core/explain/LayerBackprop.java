package org.dl4jworkbench.core.explain;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The gradient of a class score through one DL4J layer, after a forward pass in inference
 * mode ({@code activate(input, false, ...)}, which also leaves the layer its input). DL4J's
 * own {@code backpropGradient} is meant for training, and three of its habits would make the
 * maps wrong or random, so they are dealt with here:
 * <ul>
 * <li>a frozen layer (a pretrained backbone) passes no gradient back at all: the layer inside
 *     it is asked instead (its weights are not changed: only the input gradient is used);</li>
 * <li>batch normalization differentiates through the minibatch's own statistics, as in
 *     training; in inference it is a fixed per-channel scale, {@code gamma / std}, applied here;</li>
 * <li>a layer with dropout multiplies the gradient by the mask of its last training step (or
 *     fails when there is none): dropout is off in inference, so it is switched off for the call.</li>
 * </ul>
 */
final class LayerBackprop {

    private LayerBackprop() {
    }

    static Layer unwrap(Layer layer) {
        Layer l = layer;
        while (true) {
            if (l instanceof FrozenLayer f) {
                l = f.getInsideLayer();
            } else if (l instanceof BaseWrapperLayer w) {
                l = w.getUnderlying();
            } else {
                return l;
            }
        }
    }

    /** The score's gradient at the layer's input, given the gradient at its output. */
    static INDArray backprop(Layer layer, INDArray epsilon, LayerWorkspaceMgr workspaces) {
        Layer inner = unwrap(layer);
        if (inner instanceof BatchNormalization bn) {
            return batchNorm(bn, epsilon);
        }
        if (inner.numParams() > 0 && inner.getGradientsViewArray() == null) {
            // A frozen layer's inner layer has nowhere to write its weight gradients; give it scratch space.
            inner.setBackpropGradientsViewArray(Nd4j.create(inner.params().dataType(), 1, inner.numParams()));
        }
        var conf = inner.conf().getLayer();
        IDropout dropout = conf.getIDropout();
        conf.setIDropout(null);
        try {
            return inner.backpropGradient(epsilon, workspaces).getSecond();
        } finally {
            conf.setIDropout(dropout);
        }
    }

    /**
     * The class score's gradient at the input of the network's last layer. The score is the
     * class's pre-softmax logit where the output is a softmax (the usual choice for Grad-CAM:
     * the softmax probability saturates near 1 and then has almost no gradient, and its log
     * mixes in every other class's score); for any other output activation it is the output itself.
     *
     * @param input the layer's input, as the forward pass gave it (after its preprocessor)
     * @return null where the layer is no classifier output this can differentiate
     */
    static INDArray scoreGradient(Layer layer, INDArray input, int target) {
        Layer inner = unwrap(layer);
        var conf = inner.conf().getLayer();
        boolean dense = inner instanceof BaseOutputLayer<?>
                || conf instanceof org.deeplearning4j.nn.conf.layers.DenseLayer;
        if (dense && input.rank() == 2 && inner.paramTable().containsKey(DefaultParamInitializer.WEIGHT_KEY)) {
            // An output layer, or a dense layer ending a graph imported from Keras without its loss.
            Layer out = inner;
            INDArray w = out.getParam(DefaultParamInitializer.WEIGHT_KEY);
            INDArray z = input.mmul(w).addiRowVector(out.getParam(DefaultParamInitializer.BIAS_KEY));
            INDArray dz = logitGradient(activation(conf), z, target);
            return dz.mmul(w.transpose());
        }
        if (inner.numParams() == 0 && activation(conf) != null) {
            // A loss or activation layer on its own (as Keras models end): the score is its input's element.
            return logitGradient(activation(conf), input, target);
        }
        return null;
    }

    /** Whether a layer only passes its input on (an identity loss layer after a softmax layer, as Keras imports end). */
    static boolean passesThrough(Layer layer) {
        Layer inner = unwrap(layer);
        return inner.numParams() == 0 && activation(inner.conf().getLayer()) instanceof ActivationIdentity;
    }

    private static IActivation activation(org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (conf instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) {
            return b.getActivationFn();
        }
        if (conf instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
            return a.getActivationFn();
        }
        return null;
    }

    private static INDArray logitGradient(IActivation activation, INDArray z, int target) {
        INDArray oneHot = Nd4j.zeros(z.dataType(), z.shape());
        oneHot.putScalar(target, 1.0);
        if (activation == null || activation instanceof ActivationSoftmax) {
            return oneHot;
        }
        return activation.backprop(z.dup(), oneHot).getFirst();
    }

    /**
     * Inference-mode batch normalization, {@code gamma * (x - mean) / sqrt(var + eps) + beta}
     * per channel: a fixed scale {@code gamma / sqrt(var + eps)}. (DL4J's layer ignores its
     * activation function in inference, as checked against its forward pass.)
     */
    private static INDArray batchNorm(BatchNormalization bn, INDArray epsilon) {
        var conf = (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
        INDArray variance = conf.isUseLogStd()
                ? Transforms.exp(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).mul(2 * Math.log(10.0)), false)
                : bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).dup();
        INDArray std = Transforms.sqrt(variance.addi(conf.getEps()), false);
        INDArray gamma = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(std.shape(), conf.getGamma(), std.dataType())
                : bn.getParam(BatchNormalizationParamInitializer.GAMMA);
        INDArray scale = gamma.div(std).reshape(-1).castTo(epsilon.dataType());
        int channelAxis = epsilon.rank() == 4 && conf.getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
        return Broadcast.mul(epsilon, scale, epsilon.ulike(), channelAxis);
    }
}
