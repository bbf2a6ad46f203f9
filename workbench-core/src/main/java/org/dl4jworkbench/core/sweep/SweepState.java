package org.dl4jworkbench.core.sweep;

import java.util.List;
import java.util.Objects;

/**
 * A sweep as its folder records it ({@code sweep.json}, rewritten atomically after every
 * trial and rung event): the definition ({@code vary} texts, {@code search}, {@code halving},
 * {@code dataset}; the base network is {@code base-network.json} beside it), the {@code rungs}'
 * epochs, the {@code rung} in progress (equal to the number of rungs once the sweep has
 * ended) and every trial.
 */
public record SweepState(int formatVersion, String network, String dataset, List<String> vary, Search search,
                         Halving halving, List<Integer> rungs, int rung, List<TrialState> trials) {

    public static final int FORMAT_VERSION = 1;

    public SweepState {
        Objects.requireNonNull(search, "search");
        vary = List.copyOf(vary);
        rungs = List.copyOf(rungs);
        trials = List.copyOf(trials);
    }

    public boolean finished() {
        return rung >= rungs.size();
    }

    /**
     * The best trial so far: of those not failed, the one trained longest (halving compares
     * trials at equal epochs), then the highest validation accuracy.
     */
    public java.util.Optional<TrialState> best() {
        return trials.stream().filter(t -> t.status() != TrialStatus.FAILED && t.validationAccuracy() != null)
                .max(java.util.Comparator.comparingInt(TrialState::epochs)
                        .thenComparingDouble(TrialState::validationAccuracy));
    }

    SweepState withRung(int newRung) {
        return new SweepState(formatVersion, network, dataset, vary, search, halving, rungs, newRung, trials);
    }

    SweepState withTrial(TrialState trial) {
        List<TrialState> all = trials.stream().map(t -> t.id().equals(trial.id()) ? trial : t).toList();
        return new SweepState(formatVersion, network, dataset, vary, search, halving, rungs, rung, all);
    }

    public TrialState trial(String id) {
        return trials.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trial " + id));
    }
}
