package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * Evaluation batches are bounded by the activations they allocate: a network near the
 * screen's bound for one image (a model from a file) is evaluated a few images at a time,
 * not 256 at once. Computed from the configuration alone; nothing is allocated here.
 */
class EvaluatorBatchTest {

    @Test
    void activationsForOneImageAreTheInputAndEveryLayersOutput() {
        MultiLayerConfiguration lenet = SpecCompiler.compile(Templates.find("lenet").orElseThrow().spec());
        // 28x28 input; 24x24x20, 12x12x20, 8x8x50, 4x4x50; dense 500; 10 outputs
        assertThat(Evaluator.activationsPerImage(lenet, 28, 28, 1))
                .isEqualTo(784 + 11_520 + 2_880 + 3_200 + 800 + 500 + 10);
    }

    @Test
    void templatesAreEvaluatedAtTheBatchAskedFor() {
        for (var t : Templates.all().stream().filter(t -> !t.spec().hasBackbone()).toList()) {
            var input = t.spec().input();
            MultiLayerConfiguration conf = SpecCompiler.compile(t.spec());
            assertThat(Evaluator.batchWithin(conf, input.height(), input.width(), input.channels(), 256)).as(t.id())
                    .isEqualTo(256);
        }
    }

    @Test
    void aNetworkWithLargeActivationsIsEvaluatedAFewImagesAtATime() {
        // 1024x1024 colour images and 64 filters: about 70 million values per image, 280 MB of FLOAT.
        NetworkSpec wide = new NetworkSpec("wide", new InputSpec(1024, 1024, 3),
                List.of(ConvolutionSpec.of(64, 3, Padding.SAME, Activation.RELU), PoolingSpec.max(64)),
                new OutputSpec(10), TrainingSpec.adam(0.001, 32, 1));
        MultiLayerConfiguration conf = SpecCompiler.compile(wide);
        long perImage = Evaluator.activationsPerImage(conf, 1024, 1024, 3);
        assertThat(perImage).isGreaterThan(70_000_000L);
        int batch = Evaluator.batchWithin(conf, 1024, 1024, 3, 256);
        assertThat(batch).isBetween(1, 3);
        assertThat(batch * perImage).isLessThanOrEqualTo(Evaluator.MAX_BATCH_ACTIVATIONS);
    }

    @Test
    void aSizeTheNetworkDoesNotTakeLeavesTheBatchForTheForwardPassToRefuse() {
        MultiLayerConfiguration lenet = SpecCompiler.compile(Templates.find("lenet").orElseThrow().spec());
        assertThat(Evaluator.batchWithin(lenet, 2, 2, 1, 64)).isEqualTo(64);
    }
}
