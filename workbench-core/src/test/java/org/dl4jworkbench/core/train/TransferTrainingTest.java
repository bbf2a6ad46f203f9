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
import org.dl4jworkbench.core.spec.AugmentationSpec;
import org.dl4jworkbench.core.spec.Backbones;
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

    @Test
    void fineTuningFromABlockWithAugmentationRunsTheBackboneEveryMinibatchAndChangesOnlyTheTrainableBlocks()
            throws Exception {
        NetworkSpec base = spec(1);
        NetworkSpec spec = base.withBackbone(base.backbone().withTrainableFrom("block13"))
                .withData(base.data().withAugmentation(new AugmentationSpec(true, 0, 0, 0)))
                .withTraining(base.training().withBatchSize(16));
        List<String> phases = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onPreparing(String phase, int done, int total) {
                phases.add(phase);
            }
        };
        var before = Pretrained.load(Backbones.MOBILENET_V1, dataRoot);
        TrainingResult result = new Trainer(spec, photos).withBackbones(Pretrained.installedIn(dataRoot), null)
                .train(listener);

        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(phases).as("no features are cached: the backbone runs per minibatch").isEmpty();
        var graph = result.network().graph().orElseThrow();
        assertThat(graph.getParam("conv_pw_12_W")).as("block12 stays frozen").isEqualTo(before.getParam("conv_pw_12_W"));
        assertThat(graph.getParam("conv_pw_13_W")).as("block13 trains").isNotEqualTo(before.getParam("conv_pw_13_W"));
        assertThat(result.test().accuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void aTransferRunStoppedAfterItsFirstEpochResumesFromItsCheckpoint() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Trainer first = Trainer.withCheckpoints(spec(3), photos, checkpoints)
                .withBackbones(Pretrained.installedIn(dataRoot), dir.resolve("cache"));
        TrainingResult stopped = first.train(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                first.requestStop();
            }
        });
        assertThat(stopped.epochsCompleted()).isEqualTo(1);

        Trainer resumed = Trainer.resume(spec(3), photos, checkpoints)
                .withBackbones(Pretrained.installedIn(dataRoot), dir.resolve("cache"));
        assertThat(resumed.firstEpoch()).isEqualTo(2);
        TrainingResult result = resumed.train(TrainingListener.NONE);
        assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.epochsCompleted()).isEqualTo(3);
        assertThat(result.epochs()).extracting(EpochEvent::epoch).containsExactly(2, 3);
        assertThat(result.network().isGraph()).isTrue();
    }
}
