package org.dl4jworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mobilenet-transfer template trains on real photos, from the real pretrained MobileNet. */
class TransferTrainingTest {

    @TempDir
    static Path dir;
    static Dataset photos;
    static Path dataRoot;

    /** The catalogue's MobileNet file placed where the catalogue installs it, and 60 + 20 real photos of cats and dogs. */
    @BeforeAll
    static void setUp() throws Exception {
        dataRoot = installMobileNet(dir.resolve("data"));
        Path folder = RealPhotos.cifarFolder(dir.resolve("photos"), List.of("cat", "dog"), 30, 10);
        photos = Datasets.open("folder:" + folder, new DatasetOptions(224, 224, 3, dir.resolve("decoded"), null, null));
    }

    static Path installMobileNet(Path dataRoot) throws Exception {
        var entry = PretrainedCatalog.MOBILENET_V1_075;
        Path target = entry.modelFile(dataRoot);
        Files.createDirectories(target.getParent());
        Files.copy(SharedData.mobileNet(), target);
        return dataRoot;
    }

    static NetworkSpec spec(int epochs) {
        NetworkSpec spec = Templates.find(Templates.TRANSFER).orElseThrow().spec();
        return spec.withTraining(spec.training().withEpochs(epochs));
    }

    @Test
    void aFrozenBackboneTrainsItsNewOutputOnCachedFeaturesAndTheWholeGraphAgrees() throws Exception {
        List<String> phases = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onPreparing(String phase, int done, int total) {
                if (done == total) {
                    phases.add(phase + " " + done);
                }
            }
        };
        Path cache = dir.resolve("cache");
        var trainer = new Trainer(spec(3), photos).withBackbones(Pretrained.installedIn(dataRoot), cache);
        TrainingResult result = trainer.train(listener);

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.epochs()).hasSize(3);
        assertThat(result.network().isGraph()).isTrue();
        assertThat(result.network().parameterCount()).isEqualTo(1_832_976 + 768 * 2 + 2);
        assertThat(phases).anyMatch(p -> p.startsWith("computing MobileNet"));
        // Features of the 54 training, 6 validation and 20 test photos are cached.
        try (var files = Files.list(cache.resolve("features"))) {
            assertThat(files.count()).isEqualTo(3);
        }
        // Chance is 0.5; MobileNet's features separate even these 32x32 photos, resized, well above it.
        assertThat(result.test().accuracy()).isGreaterThan(0.6);
        // The whole graph, images in, predicts as the head did on the cached features.
        Evaluation whole = Evaluator.evaluate(result.network(), photos.test(), 8, result.normalizer());
        assertThat(whole.accuracy()).isEqualTo(result.test().accuracy());
        assertThat(whole.loss()).isCloseTo(result.test().loss(), org.assertj.core.api.Assertions.within(1e-4));
    }
}
