package org.dl4jworkbench.core.train;

/** Why a run ended. */
public enum StopReason {
    /** All epochs done. */
    COMPLETED,
    /** Stopped on request; the model is kept as it was after the last minibatch. */
    STOPPED,
    /** The validation metric stopped improving; the best epoch's weights are kept. */
    EARLY_STOPPED,
    /** The loss became NaN or infinite. */
    DIVERGED
}
