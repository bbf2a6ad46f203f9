package org.dl4jworkbench.core.analysis;

/**
 * Something wrong with a network, for the user: which layer ({@code layerIndex} into the
 * spec's layers; -1 for the input, {@link #OUTPUT} for the output layer, {@link #TRAINING}
 * for training settings), what is wrong (expected versus found), and how to fix it.
 */
public record Problem(Severity severity, int layerIndex, String layerName, String message, String fix) {

    public static final int INPUT = -1;
    public static final int OUTPUT = -2;
    public static final int TRAINING = -3;

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "Layer 'conv2': kernel 5x5 is larger than its 4x4x20 input. Fix: ..." */
    @Override
    public String toString() {
        String where = switch (layerIndex) {
            case TRAINING -> "Training settings";
            case INPUT -> "Input";
            default -> "Layer '" + layerName + "'";
        };
        return (severity == Severity.WARNING ? "Warning: " : "") + where + ": " + message
                + (fix == null || fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
