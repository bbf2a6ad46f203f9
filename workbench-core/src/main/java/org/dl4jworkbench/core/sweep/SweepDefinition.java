package org.dl4jworkbench.core.sweep;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.spec.NetworkSpec;

/**
 * What a sweep trains: the base {@code network} (its epochs are the most a trial trains), the
 * {@code dataset} SPEC every trial loads, the {@code parameters} varied, the {@code search}
 * that picks each trial's settings and the {@code halving} that stops poor trials early
 * (null: every trial trains all its epochs). Immutable; {@link #of} checks it before any
 * trial starts.
 */
public record SweepDefinition(NetworkSpec network, String dataset, List<Parameter> parameters, Search search,
                              Halving halving) {

    public SweepDefinition {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(search, "search");
        parameters = List.copyOf(parameters);
    }

    /**
     * A checked definition: at least one parameter, validation images to rank trials by, and
     * every trial's network valid (a setting that breaks the network, say too few filters for
     * the next layer, is named before minutes of training).
     */
    public static SweepDefinition of(NetworkSpec network, String dataset, List<Parameter> parameters, Search search,
                                     Halving halving) throws SweepException {
        var definition = new SweepDefinition(network, dataset, parameters, search, halving);
        if (parameters.isEmpty()) {
            throw new SweepException("nothing to vary: give at least one --vary, e.g. --vary learning_rate=1e-4..1e-2:log");
        }
        if (!(network.data().validationSplit() > 0)) {
            throw new SweepException("the network '" + network.name() + "' holds back no validation images "
                    + "(validation split 0), and a sweep ranks trials by validation accuracy; give --validation 0.1");
        }
        for (Map<String, Object> trial : definition.trials()) {
            NetworkSpec spec = SpecSettings.apply(network, trial);
            NetworkAnalysis analysis = NetworkAnalyzer.analyze(spec);
            if (!analysis.isValid()) {
                String problem = analysis.problems().get(0).toString().strip();
                throw new SweepException("the settings " + describe(trial) + " make a network that cannot train: "
                        + (problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem)
                        + "; change the --vary values");
            }
        }
        return definition;
    }

    /** The settings of every trial. */
    public List<Map<String, Object>> trials() throws SweepException {
        return search.trials(parameters);
    }

    /** The epochs of each rung for a trial whose own epochs are {@code maxEpochs}. */
    public List<Integer> rungs(int maxEpochs) {
        return halving == null ? List.of(maxEpochs) : halving.rungs(maxEpochs);
    }

    /** "learning_rate=0.001 batch_size=64". */
    public static String describe(Map<String, Object> settings) {
        var text = new StringBuilder();
        settings.forEach((k, v) -> text.append(text.isEmpty() ? "" : " ").append(k).append('=')
                .append(SpecSettings.format(v)));
        return text.toString();
    }
}
