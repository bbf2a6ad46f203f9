package org.dl4jworkbench.core.explain;

/**
 * An explanation that cannot be made for this network as asked: a layer name it does not
 * have, a layer without a spatial output, or Grad-CAM for a network without convolutions.
 * The message says what was asked, what the network has, and what to do instead.
 */
public final class ExplainException extends RuntimeException {

    public ExplainException(String message) {
        super(message);
    }
}
