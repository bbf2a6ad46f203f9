package org.dl4jworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templates' tutorial figures and their training defaults (docs/decisions/0008). */
class TemplatesTest {

    private static Template template(String id) {
        return Templates.find(id).orElseThrow();
    }

    @Test
    void everyTutorialTemplateCarriesItsTutorialsFigureAndName() {
        var reported = Map.of("mlp", 0.9611, "mnist-cnn", 0.969, "cifar10-small", 0.6206, "cifar10-cnn", 0.673,
                "cats-dogs", 0.80, "lenet", 0.99);
        var named = Map.of("mlp", "Image Classification with Tensorflow", "mnist-cnn", "Guru99",
                "cifar10-small", "Huseyn Gasimov", "cifar10-cnn", "Nikolay Kostadinov", "cats-dogs", "cv-tricks",
                "lenet", "LenetMnistExample");
        reported.forEach((id, figure) -> assertThat(template(id).reportedAccuracy()).as(id).isEqualTo(figure));
        named.forEach((id, name) -> assertThat(template(id).source()).as(id).contains(name));
    }

    @Test
    void photosAreFlippedAndDigitsNever() {
        assertThat(template("cifar10-cnn").spec().data().augmentation()).isEqualTo(new AugmentationSpec(true, 0, 0, 0));
        assertThat(template("cifar10-small").spec().data().augmentation())
                .isEqualTo(new AugmentationSpec(true, 0, 0.05, 0));
        assertThat(template("cats-dogs").spec().data().augmentation())
                .isEqualTo(new AugmentationSpec(true, 0, 0.1, 0.1));
        for (String id : new String[] {"mlp", "lenet", "mnist-cnn"}) {
            assertThat(template(id).spec().data().augmentation().flip()).as(id).isFalse();
        }
    }

    @Test
    void cifar10FastNormalizesEveryConvolutionButTheFirstAndClaimsNoTutorial() {
        var fast = template("cifar10-fast");
        var layers = fast.spec().layers();
        int convolutions = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ConvolutionSpec && convolutions++ > 0) {
                assertThat(layers.get(i + 1)).as("after convolution %d", convolutions)
                        .isInstanceOf(BatchNormSpec.class);
            }
        }
        assertThat(convolutions).isEqualTo(6);
        assertThat(fast.hasReportedAccuracy()).as("designed here, no tutorial figure").isFalse();
        assertThat(fast.spec().data().augmentation().flip()).isTrue();
        assertThat(fast.spec().training().schedule()).isEqualTo(Schedule.COSINE);
    }

    @Test
    void cifar10CnnTrainsThirtyEpochsOfAdamDecayedOnACosine() {
        var training = template("cifar10-cnn").spec().training();
        assertThat(training.learningRate()).isEqualTo(0.002);
        assertThat(training.batchSize()).isEqualTo(256);
        assertThat(training.epochs()).isEqualTo(30);
        assertThat(training.schedule()).isEqualTo(Schedule.COSINE);
    }
}
