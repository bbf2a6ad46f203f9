package org.dl4jworkbench.core.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Successive halving (as in ASHA and Hyperband): every trial trains to the first rung's
 * {@code minEpochs}; at each rung the trials are ranked by validation accuracy and the best
 * 1/{@code eta} of them (at least one) train on to the next rung, {@code eta} times as many
 * epochs, up to the sweep's epochs; the others stop there. {@code eta} 2 halves the field.
 */
public record Halving(int minEpochs, int eta) {

    public Halving {
        if (minEpochs < 1) {
            throw new IllegalArgumentException("the first rung needs at least 1 epoch, not " + minEpochs);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("eta must be at least 2 (keep half or less), not " + eta);
        }
    }

    /** The epochs of each rung for trials of {@code maxEpochs}: minEpochs, minEpochs*eta, ..., maxEpochs. */
    public List<Integer> rungs(int maxEpochs) {
        List<Integer> rungs = new ArrayList<>();
        for (long r = minEpochs; r < maxEpochs; r *= eta) {
            rungs.add((int) r);
        }
        rungs.add(maxEpochs);
        return rungs;
    }

    /** How many of {@code ranked} trials go on to the next rung. */
    public int keep(int ranked) {
        return Math.max(1, ranked / eta);
    }
}
