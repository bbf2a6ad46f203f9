package org.dl4jworkbench.core.explain;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;

/**
 * A real convolutional model for explanation tests: a small LeNet (two 5x5 convolutions of 8
 * and 16 filters with max pooling, dense 64, dropout 0.25) trained for one epoch on
 * mnist-mini (a few seconds; about 95% test accuracy), saved as the workbench saves models.
 * The dropout is there on purpose: maps must not depend on it. Shared with workbench-app's tests.
 */
public final class CnnModelFixture {

    /** The model file, the spec it was trained from, and the dataset's test split (never trained on). */
    public record TrainedModel(Path file, NetworkSpec spec, ImageSet test) {
    }

    private CnnModelFixture() {
    }

    public static NetworkSpec spec() {
        return new NetworkSpec("small-lenet", new InputSpec(28, 28, 1),
                List.of(ConvolutionSpec.of(8, 5, Padding.VALID, Activation.RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(16, 5, Padding.VALID, Activation.RELU), PoolingSpec.max(2),
                        DenseSpec.of(64, Activation.RELU), DropoutSpec.of(0.25)),
                new OutputSpec(10), TrainingSpec.adam(0.002, 64, 1).withSeed(42));
    }

    public static TrainedModel train(Path dir) throws Exception {
        return train(dir, spec());
    }

    /** Any spec for 28x28 gray digits, trained on mnist-mini as its training settings say. */
    public static TrainedModel train(Path dir, NetworkSpec spec) throws Exception {
        Dataset data = Datasets.open("mnist-mini");
        Path file = MnistModelFixture.trainAndSave(spec, data, dir.resolve(spec.name() + ".zip"));
        return new TrainedModel(file, spec, data.test());
    }
}
