package org.dl4jworkbench.core.explain;

import org.dl4jworkbench.core.predict.ClassProbability;
import org.dl4jworkbench.core.predict.Prediction;

/**
 * A heat map of what drove one class score for one image: {@code map} holds
 * {@code width x height} values in 0..1, row by row, at the network's input size, so that it
 * lies exactly over {@link Prediction#networkInput()}, the image as the network saw it.
 * {@code layer} is the layer whose feature maps Grad-CAM used ({@link #INPUT} for saliency),
 * {@code layerWidth x layerHeight} their resolution before upsampling, and {@code target} the
 * class explained (by default the predicted one) with its probability. An all-zero map means
 * nothing in the image raised that class's score (Grad-CAM keeps only positive evidence).
 */
public record Explanation(ExplainMethod method, String layer, int layerWidth, int layerHeight,
                          ClassProbability target, Prediction prediction, int width, int height, float[] map) {

    /** The layer name given for saliency maps, which are taken at the input. */
    public static final String INPUT = "input";

    public Explanation {
        map = map.clone();
        if (map.length != width * height) {
            throw new IllegalArgumentException(map.length + " map values for " + width + "x" + height);
        }
        if (width != prediction.width() || height != prediction.height()) {
            throw new IllegalArgumentException("a " + width + "x" + height + " map for a " + prediction.width() + "x"
                    + prediction.height() + " input");
        }
    }

    @Override
    public float[] map() {
        return map.clone();
    }

    /** The map's value at column {@code x}, row {@code y}. */
    public float value(int x, int y) {
        return map[y * width + x];
    }
}
