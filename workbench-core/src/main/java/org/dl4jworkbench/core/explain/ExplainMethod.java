package org.dl4jworkbench.core.explain;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a heat map is made. Grad-CAM (Selvaraju et al., 2017) weighs a convolution's feature
 * maps by the class score's mean gradient over each map: coarse (the layer's resolution) but
 * class-specific. Saliency (Simonyan et al., 2013) is the class score's gradient with respect
 * to the input pixels: full resolution but noisy, and it works for networks without convolutions.
 */
public enum ExplainMethod {
    GRAD_CAM("gradcam", "Grad-CAM"),
    SALIENCY("saliency", "Saliency");

    private final String key;
    private final String label;

    ExplainMethod(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name on the command line ({@code --method gradcam}). */
    public String key() {
        return key;
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    public static Optional<ExplainMethod> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(key)).findFirst();
    }
}
