package org.dl4jworkbench.core.analysis;

import java.util.List;

/**
 * Shape inference and validation of a network spec, before DL4J builds anything.
 * {@code layers} starts with the input and ends with the output layer; where a layer does
 * not fit, inference stops there and {@code problems} says why. {@code frozenParameters} are a
 * pretrained backbone's parameters that training leaves as they are.
 */
public record NetworkAnalysis(List<LayerInfo> layers, List<Problem> problems, long frozenParameters) {

    public NetworkAnalysis {
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    public NetworkAnalysis(List<LayerInfo> layers, List<Problem> problems) {
        this(layers, problems, 0);
    }

    /** Parameters the optimizer changes: all but a pretrained backbone's frozen ones. */
    public long trainableParameters() {
        return totalParameters() - frozenParameters;
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
