package org.dl4jworkbench.core.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Random changes to each training image, drawn anew every epoch from the training seed:
 * a horizontal flip (half of the time), a rotation of up to {@code rotation} degrees either
 * way, a shift of up to {@code translation} of the width and height, and a zoom in or out by
 * up to {@code zoom} (0.1: 90% to 110%). Test and validation images are never changed.
 */
public record AugmentationSpec(boolean flip, double rotation, double translation, double zoom) {

    public static final AugmentationSpec NONE = new AugmentationSpec(false, 0, 0, 0);

    @JsonIgnore
    public boolean isNone() {
        return !flip && rotation == 0 && translation == 0 && zoom == 0;
    }
}
