package org.dl4jworkbench.core.analysis;

import java.util.List;

/**
 * Shape inference and validation of a network spec, before DL4J builds anything.
 * {@code layers} starts with the input and ends with the output layer; where a layer does
 * not fit, inference stops there and {@code problems} says why.
 */
public record NetworkAnalysis(List<LayerInfo> layers, List<Problem> problems) {

    public NetworkAnalysis {
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public long totalParameters() {
        return layers.stream().mapToLong(LayerInfo::parameters).sum();
    }

    public long totalMultiplyAdds() {
        return layers.stream().mapToLong(LayerInfo::multiplyAdds).sum();
    }

    /** Activation values of one example summed over all layers: the basis of memory estimates. */
    public long activationsPerExample() {
        return layers.stream().mapToLong(l -> l.outputShape().size()).sum();
    }

    /** Problems of one layer (see {@link Problem#layerIndex()}). */
    public List<Problem> problemsAt(int layerIndex) {
        return problems.stream().filter(p -> p.layerIndex() == layerIndex).toList();
    }
}
