package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DataSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small CNN learns a generated two-class image folder: labels, decoding and preprocessing line up. */
class FolderTrainingTest {

    @Test
    void smallCnnLearnsDiscsFromStripes(@TempDir Path dir, @TempDir Path cache) throws Exception {
        ImageFixtures.catsAndDogs(dir, 60, true, 21);
        Dataset data = Datasets.open("folder:" + dir, DatasetOptions.defaults().withCacheDir(cache)
                .withSize(32, 32, 3));
        NetworkSpec spec = new NetworkSpec("tiny", new InputSpec(32, 32, 3),
                List.of(ConvolutionSpec.of(8, 3, Padding.SAME, Activation.RELU), PoolingSpec.max(2),
                        ConvolutionSpec.of(16, 3, Padding.SAME, Activation.RELU), PoolingSpec.max(2),
                        DenseSpec.of(32, Activation.RELU)),
                new OutputSpec(2), TrainingSpec.adam(0.002, 16, 6),
                new DataSpec(0.1, Normalization.STANDARDIZE, new AugmentationSpec(true, 10, 0.05, 0.1)));
        TrainingResult result = new Trainer(spec, data).train(TrainingListener.NONE);
        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.normalizer().kind()).isEqualTo("standardize");
        assertThat(result.normalizer().mean()).hasSize(3);
        assertThat(result.test().total()).isEqualTo(24);
        assertThat(result.test().accuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.epochs().get(5).validationAccuracy()).isGreaterThanOrEqualTo(0.8);
    }
}
