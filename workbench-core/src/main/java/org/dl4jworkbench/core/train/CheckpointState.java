package org.dl4jworkbench.core.train;

import org.dl4jworkbench.core.data.Normalizer;

/**
 * Where a run stood after its last completed epoch ({@code checkpoints/state.json}): the
 * model files holding it, counters, the best epoch so far for early stopping, and the
 * normalizer, so a resumed run continues exactly there. Written after the model file it
 * names, so it never points at a file that is not complete.
 */
public record CheckpointState(int formatVersion, int epoch, long iteration, long imagesDone, double trainingSeconds,
                              String lastModel, String bestModel, Integer bestEpoch, Double bestMetric,
                              int epochsWithoutImprovement, Normalizer normalizer) {

    public static final int FORMAT_VERSION = 1;
}
