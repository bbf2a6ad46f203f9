package org.dl4jworkbench.core.train;

/** Receives progress on the training thread; implementations must return quickly. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    /** Training is paused (between minibatches) or running again. */
    enum State {
        RUNNING,
        PAUSED
    }

    default void onIteration(IterationEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }

    default void onStateChange(State state) {
    }

    /** Work before the first minibatch that takes a while ({@code done} of {@code total} images of {@code phase}). */
    default void onPreparing(String phase, int done, int total) {
    }

    /** Passes every event to each listener in turn. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void onIteration(IterationEvent event) {
                for (TrainingListener l : listeners) {
                    l.onIteration(event);
                }
            }

            @Override
            public void onEpoch(EpochEvent event) {
                for (TrainingListener l : listeners) {
                    l.onEpoch(event);
                }
            }

            @Override
            public void onStateChange(State state) {
                for (TrainingListener l : listeners) {
                    l.onStateChange(state);
                }
            }

            @Override
            public void onPreparing(String phase, int done, int total) {
                for (TrainingListener l : listeners) {
                    l.onPreparing(phase, done, total);
                }
            }
        };
    }
}
