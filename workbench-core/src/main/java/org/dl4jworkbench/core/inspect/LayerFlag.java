package org.dl4jworkbench.core.inspect;

/**
 * Something wrong-looking in one layer's output for one image, with the reason in words
 * ("94% of the outputs are exactly zero ...").
 */
public record LayerFlag(Kind kind, String reason) {

    public enum Kind {
        /** Outputs (nearly) all zero: what comes after sees little or nothing of the image. */
        DEAD,
        /** Outputs pressed against the activation's bounds, where its gradient vanishes. */
        SATURATED;

        /** "dead" or "saturated". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
