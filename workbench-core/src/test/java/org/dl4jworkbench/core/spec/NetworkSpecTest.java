package org.dl4jworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

    @Test
    void unnamedLayersGetTheFirstFreeNamePerType() {
        var spec = Templates.find("lenet").orElseThrow().spec().withLayers(List.of(
                ConvolutionSpec.of(4, 3, Padding.SAME, Activation.RELU).withName("conv1"),
                ConvolutionSpec.of(4, 3, Padding.SAME, Activation.RELU),
                PoolingSpec.max(2), DenseSpec.of(8, Activation.RELU), DropoutSpec.of(0.5), BatchNormSpec.create()));
        assertThat(spec.layers()).extracting(LayerSpec::name)
                .containsExactly("conv1", "conv2", "pool1", "dense1", "dropout1", "bn1");
    }

    @Test
    void templatesHaveDistinctIdsAndTheDefaultExists() {
        assertThat(Templates.ids()).doesNotHaveDuplicates()
                .containsExactly("mlp", "lenet", "mnist-cnn", "cifar10-small", "cifar10-cnn", "cifar10-fast",
                        "cats-dogs", "mobilenet-transfer");
        assertThat(Templates.find(Templates.DEFAULT)).isPresent();
    }
}
