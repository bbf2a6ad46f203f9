package org.dl4jworkbench.core.train;

/** Receives progress on the training thread; implementations must return quickly. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void onIteration(IterationEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }
}
