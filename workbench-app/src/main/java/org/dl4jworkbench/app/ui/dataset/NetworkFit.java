package org.dl4jworkbench.app.ui.dataset;

import java.util.List;
import org.dl4jworkbench.core.analysis.NetworkAnalysis;
import org.dl4jworkbench.core.analysis.Problem;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetReport;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;

/**
 * What "fit the network to the data" means: the input takes the dataset's images and the
 * output has one unit per class. Fixed-size data (IDX, CIFAR-10) dictates the input. Image
 * folders are decoded to whatever the network takes, so there the input keeps the network's
 * size unless the folder's images all share one small size, and takes their channels (gray or
 * colour).
 */
final class NetworkFit {

    /** Image folders of one size up to this (pixels on a side) give the network their size. */
    static final int LARGEST_NATURAL_SIDE = 128;

    private NetworkFit() {
    }

    /** The input that suits {@code data}, given the network's current input. */
    static InputSpec input(Dataset data, InputSpec current) {
        if (!data.resizable()) {
            return new InputSpec(data.train().height(), data.train().width(), data.train().channels());
        }
        DatasetReport r = data.report();
        int channels = r.sourceChannels() > 1 ? 3 : 1;
        if (r.uniformSize() && Math.max(r.minHeight(), r.minWidth()) <= LARGEST_NATURAL_SIDE) {
            return new InputSpec(r.minHeight(), r.minWidth(), channels);
        }
        return new InputSpec(current.height(), current.width(), channels);
    }

    /**
     * {@code spec} with the input and the output class count that suit {@code data}. A pretrained
     * backbone fixes the input (images are resized to it): only the classes follow the data.
     */
    static NetworkSpec fitted(NetworkSpec spec, Dataset data) {
        InputSpec in = spec.hasBackbone() ? spec.input() : input(data, spec.input());
        return spec.withInput(in).withOutput(new OutputSpec(data.classNames().size()));
    }

    /**
     * The analysis' problems about the network against the dataset (input size, class count);
     * the editor's analyzer finds them once the dataset's shape is known, this only picks them out.
     */
    static List<Problem> dataProblems(NetworkAnalysis analysis) {
        if (analysis == null) {
            return List.of();
        }
        return analysis.problems().stream()
                .filter(p -> (p.layerIndex() == Problem.INPUT || p.layerIndex() == Problem.OUTPUT)
                        && p.message().contains("dataset '"))
                .toList();
    }
}
