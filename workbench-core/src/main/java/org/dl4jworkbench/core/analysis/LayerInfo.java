package org.dl4jworkbench.core.analysis;

/**
 * What shape inference found for one layer: its output shape, trainable and stored parameters
 * (as DL4J counts them: batch normalization's running mean and variance included), and
 * multiply-adds per example. {@code index} is the position in the spec's layers, -1 for the
 * input and {@code layers.size()} for the output layer.
 */
public record LayerInfo(int index, String name, String type, String settings, Shape inputShape, Shape outputShape,
                        long parameters, long multiplyAdds) {
}
