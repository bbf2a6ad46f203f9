package org.dl4jworkbench.app.ui.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.dl4jworkbench.core.analysis.NetworkAnalyzer;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetReport;
import org.dl4jworkbench.core.data.ImageSet;
import org.dl4jworkbench.core.spec.InputSpec;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.OutputSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.junit.jupiter.api.Test;

/** What fitting the network to a dataset changes, and the per-split counts, without JavaFX. */
class NetworkFitTest {

    private static final NetworkSpec LENET = Templates.find(Templates.DEFAULT).orElseThrow().spec();

    /** {@code n} images per class of {@code h x w x c}; labels in turn. */
    private static ImageSet images(int n, int classes, int h, int w, int c) {
        int[] labels = new int[n * classes];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
        }
        List<String> names = IntStream.range(0, classes).mapToObj(i -> "class" + i).toList();
        return ImageSet.of(new byte[labels.length * h * w * c], labels, h, w, c, names);
    }

    private static Dataset folder(DatasetReport report) {
        return new Dataset("folder:/pets", images(5, 2, 28, 28, 1), images(1, 2, 28, 28, 1), report, true);
    }

    @Test
    void fixedSizeDataDictatesTheInputAndTheClassCount() {
        var cifarLike = new Dataset("cifar10", images(3, 10, 32, 32, 3), images(1, 10, 32, 32, 3));
        NetworkSpec fitted = NetworkFit.fitted(LENET, cifarLike);
        assertThat(fitted.input()).isEqualTo(new InputSpec(32, 32, 3));
        assertThat(fitted.output().classes()).isEqualTo(10);
        assertThat(fitted.layers()).isEqualTo(LENET.layers());
        assertThat(NetworkFit.dataProblems(NetworkAnalyzer.analyze(LENET, cifarLike.shape())))
                .extracting(p -> p.toString()).containsExactly("Input: the network takes 28x28x1 images but dataset "
                        + "'cifar10' has 32x32x3. Fix: Set the input to 32x32x3.");
        assertThat(NetworkFit.dataProblems(NetworkAnalyzer.analyze(fitted, cifarLike.shape()))).isEmpty();
    }

    @Test
    void aFolderOfSmallImagesOfOneSizeGivesTheNetworkTheirSizeAndChannels() {
        var pets = folder(new DatasetReport(List.of(), 32, 32, 32, 32, 3, null));
        assertThat(NetworkFit.fitted(LENET, pets).input()).isEqualTo(new InputSpec(32, 32, 3));
        assertThat(NetworkFit.fitted(LENET, pets).output().classes()).isEqualTo(2);
    }

    @Test
    void aPretrainedBackboneKeepsItsInputAndOnlyTheClassesFollowTheFolder() {
        NetworkSpec transfer = Templates.find(Templates.TRANSFER).orElseThrow().spec()
                .withOutput(new OutputSpec(5));
        var pets = folder(new DatasetReport(List.of(), 32, 32, 32, 32, 3, null)); // small: LeNet would take 32x32
        NetworkSpec fitted = NetworkFit.fitted(transfer, pets);
        assertThat(fitted.input()).isEqualTo(new InputSpec(224, 224, 3));
        assertThat(fitted.output().classes()).isEqualTo(2);
        assertThat(fitted.backbone()).isEqualTo(transfer.backbone());
    }

    @Test
    void aFolderOfLargeOrMixedImagesKeepsTheNetworksSizeAndTakesTheirChannels() {
        var photos = folder(new DatasetReport(List.of(), 375, 375, 500, 500, 3, null));
        assertThat(NetworkFit.input(photos, LENET.input())).isEqualTo(new InputSpec(28, 28, 3));
        var mixed = folder(new DatasetReport(List.of(), 40, 199, 40, 180, 1, null));
        assertThat(NetworkFit.input(mixed, LENET.input())).isEqualTo(new InputSpec(28, 28, 1));
        // gray images of mixed sizes on a 28x28x1 network: only the class count differs
        assertThat(NetworkFit.fitted(LENET.withOutput(new OutputSpec(2)), mixed))
                .isEqualTo(LENET.withOutput(new OutputSpec(2)));
    }

    @Test
    void statsHoldBackTheValidationShareOfEachClassAsTrainingDoes() {
        var data = new Dataset("d", images(10, 3, 4, 4, 1), images(2, 3, 4, 4, 1));
        DatasetStats stats = DatasetStats.of(data, 0.2, 7);
        assertThat(stats.classes()).containsExactly(new DatasetStats.ClassCount("class0", 8, 2, 2),
                new DatasetStats.ClassCount("class1", 8, 2, 2), new DatasetStats.ClassCount("class2", 8, 2, 2));
        assertThat(stats.train() + stats.validation() + stats.test()).isEqualTo(36);
        assertThat(DatasetStats.of(data, 0.9999, 7).classes().get(0).train()).isEqualTo(1); // one kept per class
        assertThat(DatasetStats.of(data, -1, 7).validation()).isZero(); // out of range: the analyzer flags it
        assertThat(stats.imagesText()).isEqualTo("4x4x1 (gray)");
    }
}
