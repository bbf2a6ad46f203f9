package org.dl4jworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dl4jworkbench.core.spec.Activation;
import org.dl4jworkbench.core.spec.BatchNormSpec;
import org.dl4jworkbench.core.spec.ConvolutionSpec;
import org.dl4jworkbench.core.spec.DenseSpec;
import org.dl4jworkbench.core.spec.DropoutSpec;
import org.dl4jworkbench.core.spec.EarlyStoppingSpec;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.LayerSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Padding;
import org.dl4jworkbench.core.spec.PoolingSpec;
import org.dl4jworkbench.core.spec.Schedule;
import org.dl4jworkbench.core.spec.Size2;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

class NetworkAnalyzerTest {

    private static final NetworkSpec LENET = Templates.find("lenet").orElseThrow().spec();

    @Test
    void lenetShapesAreThoseOfTheTutorial() {
        NetworkAnalysis a = NetworkAnalyzer.analyze(LENET);
        assertThat(a.problems()).isEmpty();
        assertThat(a.layers()).extracting(l -> l.outputShape().toString())
                .containsExactly("28x28x1", "24x24x20", "12x12x20", "8x8x50", "4x4x50", "500", "10");
        assertThat(a.totalMultiplyAdds()).isEqualTo(2_293_000);
    }

    @Test
    void cifarCnnShrinksAsTheTutorialSays() {
        NetworkAnalysis a = NetworkAnalyzer.analyze(Templates.find("cifar10-cnn").orElseThrow().spec());
        assertThat(a.layers()).extracting(l -> l.outputShape().toString())
                .contains("8x8x32", "4x4x64", "2x2x128", "1024", "128", "10");
        assertThat(a.layers().get(7).inputShape().size()).isEqualTo(512);
    }

    @Test
    void kernelLargerThanItsInputNamesTheLayerAndSuggestsFixes() {
        NetworkAnalysis a = analyze(ConvolutionSpec.of(8, 5, Padding.VALID, Activation.RELU), PoolingSpec.max(4),
                PoolingSpec.max(4), ConvolutionSpec.of(8, 3, Padding.VALID, Activation.RELU));
        assertThat(a.isValid()).isFalse();
        Problem p = a.errors().get(0);
        assertThat(p.layerIndex()).isEqualTo(3);
        assertThat(p.layerName()).isEqualTo("conv2");
        assertThat(p.toString()).isEqualTo("Layer 'conv2': kernel 3x3 is larger than its 1x1x8 input, so the output "
                + "would have no pixels. Fix: Use a kernel of at most 1x1, set padding to 'same', or remove a pooling "
                + "or strided layer before it.");
    }

    @Test
    void poolingThatShrinksTheImageToNothingIsCaught() {
        NetworkAnalysis a = analyze(PoolingSpec.max(2), PoolingSpec.max(2), PoolingSpec.max(2), PoolingSpec.max(2),
                PoolingSpec.max(2));
        assertThat(a.errors()).singleElement().satisfies(p -> {
            assertThat(p.layerName()).isEqualTo("pool5");
            assertThat(p.message()).contains("larger than its 1x1x1 input");
        });
    }

    @Test
    void sameConvolutionNeverShrinksToZero() {
        NetworkAnalysis a = analyze(PoolingSpec.max(2), PoolingSpec.max(2), PoolingSpec.max(2), PoolingSpec.max(2),
                ConvolutionSpec.of(4, 5, Padding.SAME, Activation.RELU));
        assertThat(a.errors()).isEmpty();
        assertThat(a.layers().get(5).outputShape()).isEqualTo(Shape.image(1, 1, 4));
    }

    @Test
    void convolutionAfterDenseIsRefusedWithAFix() {
        NetworkAnalysis a = analyze(DenseSpec.of(64, Activation.RELU), ConvolutionSpec.of(8, 3, Padding.SAME,
                Activation.RELU));
        assertThat(a.errors()).singleElement().satisfies(p -> {
            assertThat(p.layerName()).isEqualTo("conv1");
            assertThat(p.message()).contains("follows a dense layer whose output is flat (64)");
            assertThat(p.fix()).isEqualTo("Move it before the first dense layer.");
        });
    }

    @Test
    void badSettingsAreAllReportedEvenAfterTheFirstError() {
        NetworkAnalysis a = analyze(ConvolutionSpec.of(0, 3, Padding.SAME, Activation.RELU), DenseSpec.of(-1,
                Activation.RELU), DropoutSpec.of(1.0), new PoolingSpec(null, null, new Size2(0, 2), Size2.square(2), null));
        assertThat(a.errors()).extracting(Problem::layerName).containsExactly("conv1", "dense1", "dropout1", "pool1");
        assertThat(a.errors().get(0).message()).isEqualTo("filters must be at least 1, found 0.");
        assertThat(a.errors().get(2).message()).contains("must be at least 0 and below 1, found 1.0");
    }

    @Test
    void outputClassCountMustMatchTheDataset() {
        NetworkAnalysis a = NetworkAnalyzer.analyze(LENET, new DataShape("cats", 28, 28, 1, 2));
        assertThat(a.errors()).singleElement().satisfies(p -> {
            assertThat(p.layerIndex()).isEqualTo(Problem.OUTPUT);
            assertThat(p.toString()).isEqualTo("Layer 'output': has 10 classes but dataset 'cats' has 2. "
                    + "Fix: Set the output's classes to 2.");
        });
    }

    @Test
    void inputMustMatchTheDatasetImages() {
        NetworkAnalysis a = NetworkAnalyzer.analyze(LENET, new DataShape("cifar10", 32, 32, 3, 10));
        assertThat(a.errors()).singleElement().satisfies(p -> assertThat(p.toString()).isEqualTo(
                "Input: the network takes 28x28x1 images but dataset 'cifar10' has 32x32x3. Fix: Set the input to "
                        + "32x32x3."));
    }

    @Test
    void duplicateNamesAndOneClassAreErrors() {
        var spec = new NetworkSpec("x", new InputSpec(28, 28, 1),
                List.of(DenseSpec.of(8, Activation.RELU).withName("a"), DenseSpec.of(8, Activation.RELU).withName("a")),
                new OutputSpec(1), LENET.training());
        NetworkAnalysis a = NetworkAnalyzer.analyze(spec);
        assertThat(a.errors()).extracting(Problem::toString).containsExactly(
                "Layer 'a': another layer has the same name. Fix: Rename one of them; names must be unique.",
                "Layer 'output': needs at least 2 classes, found 1. Fix: Set the number of classes to the dataset's "
                        + "class count.");
    }

    @Test
    void trainingSettingsAreChecked() {
        var spec = LENET.withTraining(new TrainingSpec(null, 0, 0.9, 0, 0, -1, 1, new Schedule.Step(0, 0.5), 2,
                new EarlyStoppingSpec(null, 0, -1)));
        assertThat(NetworkAnalyzer.analyze(spec).errors()).extracting(Problem::message).containsExactly(
                "the learning rate must be above 0 and at most 10, found 0.0.",
                "the batch size must be at least 1, found 0.",
                "epochs must be at least 1, found 0.",
                "L2 weight decay must be at least 0 and below 1, found -1.0.",
                "a step schedule needs at least 1 epoch per step and a factor above 0 and at most 1, found every 0 "
                        + "epoch(s), factor 0.5.",
                "the warm-up must be at least 0 and shorter than the run, found 2.0 of 0 epoch(s).",
                "early stopping needs a patience of at least 1 epoch and a minimum improvement of at least 0, found "
                        + "patience 0, minimum -1.0.");
    }

    @Test
    void earlyStoppingNeedsValidationImages() {
        var spec = LENET.withTraining(LENET.training().withEarlyStopping(EarlyStoppingSpec.onValidationLoss(2)))
                .withData(LENET.data().withValidationSplit(0));
        assertThat(NetworkAnalyzer.analyze(spec).errors()).extracting(Problem::message).containsExactly(
                "early stopping watches the validation metrics, but no training images are held back to validate on.");
    }

    @Test
    void strideThatSkipsPixelsIsOnlyAWarning() {
        NetworkAnalysis a = analyze(new ConvolutionSpec(null, 4, Size2.square(5), Size2.square(3), Padding.VALID,
                Activation.RELU));
        assertThat(a.isValid()).isTrue();
        assertThat(a.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("are never used");
        });
    }

    @Test
    void batchNormCountsFourValuesPerChannelAsDl4jDoes() {
        NetworkAnalysis a = analyze(ConvolutionSpec.of(16, 3, Padding.SAME, Activation.RELU), BatchNormSpec.create());
        assertThat(a.layers().get(2).parameters()).isEqualTo(64);
    }

    @Test
    void invalidInputStopsInference() {
        NetworkAnalysis a = NetworkAnalyzer.analyze(LENET.withInput(new InputSpec(0, 28, 1)));
        assertThat(a.layers()).isEmpty();
        assertThat(a.errors()).singleElement().satisfies(p -> assertThat(p.layerIndex()).isEqualTo(Problem.INPUT));
    }

    private static NetworkAnalysis analyze(LayerSpec... layers) {
        return NetworkAnalyzer.analyze(LENET.withLayers(List.of(layers)));
    }
}
