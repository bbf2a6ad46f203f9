package org.dl4jworkbench.core.train;

import java.util.List;
import org.dl4jworkbench.core.model.Network;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Fits minibatches somewhere other than this thread: a cluster that trains copies of the
 * network on several minibatches at once and averages them into the network (data-parallel).
 * The {@link Trainer} keeps everything else (the epochs' orders, augmentation, validation,
 * early stopping, checkpoints, pause and stop), so a run trained this way writes the same run
 * folder as one trained here; it hands the fitter {@link #group()} minibatches at a time.
 */
public interface Fitter {

    /** How many minibatches one call of {@link #fit} takes (the last group of an epoch may have fewer). */
    int group();

    /**
     * Fits {@code batches} into {@code network}, whose parameters (and optimizer state) are
     * updated in place, and returns the training loss of the call.
     *
     * @param iterations the network's optimizer iterations before the call (for learning-rate schedules)
     * @return the loss; not finite where training diverged
     */
    double fit(Network network, List<DataSet> batches, int iterations);

    /**
     * The optimizer steps the network takes while fitting {@code minibatches} minibatches, which
     * learning-rate schedules count: as many where each is a step, fewer where several workers'
     * steps are averaged into one.
     */
    int steps(int minibatches);

    /** What trains, for the run's log: "Spark local[2], 2 workers averaging every 4 minibatches". */
    String describe();
}
