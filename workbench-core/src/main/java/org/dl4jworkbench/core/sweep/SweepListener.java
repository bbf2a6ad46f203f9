package org.dl4jworkbench.core.sweep;

/**
 * Hears a sweep's events, on the runner's threads (several at once where trials run in
 * parallel): a face prints a table row or fills a table from them.
 */
public interface SweepListener {

    SweepListener NONE = new SweepListener() {
    };

    /** A process starts training {@code trial} to {@code epochs} epochs. */
    default void trialStarted(TrialState trial, int epochs) {
    }

    /** {@code trial} reached its rung's epochs (it may go on to the next rung). */
    default void trialTrained(TrialState trial) {
    }

    /** {@code trial} ended: done, stopped early, or failed. */
    default void trialEnded(TrialState trial) {
    }
}
