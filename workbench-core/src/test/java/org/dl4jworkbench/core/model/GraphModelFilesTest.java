package org.dl4jworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jworkbench.core.keras.ImportedKerasModel;
import org.dl4jworkbench.core.keras.KerasImport;
import org.dl4jworkbench.core.keras.KerasModels;
import org.dl4jworkbench.core.keras.TinyKerasModels;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.Normalization;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Graph model files (a transfer model, the whole imported MobileNet, small Keras models) open
 * as they were saved: the same predictions, spec, metadata and optimizer state.
 */
class GraphModelFilesTest {

    @TempDir
    static Path dir;
    static Path dataRoot;

    @BeforeAll
    static void install() throws Exception {
        dataRoot = GraphModels.installMobileNet(dir.resolve("data"));
    }

    @Test
    void aTransferModelOpensWithTheSamePredictionsSpecAndOptimizerState() throws Exception {
        NetworkSpec spec = GraphModels.transferSpec(null);
        ComputationGraph graph = GraphModels.trained(GraphModels.transferGraph(spec, dataRoot));
        Path file = dir.resolve("transfer.zip");
        ModelFiles.save(Network.of(graph), GraphModels.transferMetadata(spec), file);

        LoadedModel loaded = ModelFiles.load(file);

        assertThat(loaded.network().isGraph()).isTrue();
        assertThat(loaded.network().channelsLast()).isTrue();
        assertThat(loaded.spec()).isEqualTo(spec);
        assertThat(loaded.classNames()).containsExactly("cat", "dog");
        assertThat(loaded.metadata().kerasImport()).isNull();
        INDArray images = GraphModels.images(3, 11);
        assertThat(loaded.network().output(images)).isEqualTo(Network.of(graph).output(images));
        assertThat(loaded.network().params()).isEqualTo(graph.params());
        INDArray state = loaded.network().graph().orElseThrow().getUpdater().getStateViewArray();
        assertThat(state).isEqualTo(graph.getUpdater().getStateViewArray());
        assertThat(state.sumNumber().doubleValue()).isNotZero();
        assertThat(loaded.screening()).isLessThan(java.time.Duration.ofSeconds(5));
    }

    /** Compiled, not trained: DL4J M2.1 fails a training step of it (dropout backprop in NHWC), see the report. */
    @Test
    void aTransferModelTrainableFromABlockOpensToo() throws Exception {
        NetworkSpec spec = GraphModels.transferSpec("block12");
        ComputationGraph graph = GraphModels.transferGraph(spec, dataRoot);
        Path file = dir.resolve("fine-tuned.zip");
        ModelFiles.save(Network.of(graph), GraphModels.transferMetadata(spec), file);

        LoadedModel loaded = ModelFiles.load(file);

        assertThat(loaded.spec()).isEqualTo(spec);
        INDArray images = GraphModels.images(2, 5);
        assertThat(loaded.network().output(images)).isEqualTo(Network.of(graph).output(images));
    }

    @Test
    void theWholeImportedMobileNetOpensAndPredictsAsImported() throws Exception {
        ImportedKerasModel imported = KerasImport.importModel(SharedData.mobileNet());
        Path file = dir.resolve("mobilenet.zip");

        LoadedModel loaded = KerasModels.save(imported, Normalization.SYMMETRIC, null, file);

        assertThat(loaded.spec()).isNull();
        assertThat(loaded.classNames()).hasSize(1000).startsWith("0", "1").endsWith("999");
        assertThat(loaded.input()).hasToString("224x224x3");
        assertThat(loaded.normalizer().kind()).isEqualTo("symmetric");
        assertThat(loaded.metadata().formatVersion()).isEqualTo(ModelMetadata.KERAS_IMPORT_FORMAT_VERSION);
        assertThat(loaded.metadata().kerasImport()).isEqualTo(new KerasSource("mobilenet_v1_0.75_224_imagenet.h5",
                "2.1.4", "tensorflow", true));
        assertThat(loaded.metadata().testAccuracy()).isNaN();
        INDArray images = GraphModels.images(2, 3);
        INDArray expected = imported.graph().outputSingle(false, images.permute(0, 2, 3, 1).dup('c'));
        assertThat(expected.shape()).containsExactly(2, 1, 1, 1000);
        INDArray out = loaded.network().output(images);
        assertThat(out.shape()).containsExactly(2, 1000);
        assertThat(out).isEqualTo(expected.reshape(2, 1000));
        assertThat(ModelFiles.load(file).metadata().kerasImport().channelsLast()).isTrue();
        try (var zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).containsExactlyInAnyOrder("configuration.json",
                    "coefficients.bin", ModelFiles.METADATA_ENTRY);
        }
    }

    @Test
    void aSequentialKerasModelIsSavedAsAGraphThatPredictsAsTheImport() throws Exception {
        ImportedKerasModel imported = KerasImport.importModel(TinyKerasModels.sequentialDense(dir.resolve("seq.h5")));
        assertThat(imported.isGraph()).isFalse();

        LoadedModel loaded = KerasModels.save(imported, Normalization.SCALE, java.util.List.of("a", "b", "c"),
                dir.resolve("seq.zip"));

        assertThat(loaded.network().isGraph()).isTrue();
        assertThat(loaded.classNames()).containsExactly("a", "b", "c");
        INDArray image = Nd4j.create(new float[] {0.9f, -0.4f, 0.3f, 1.2f}, new long[] {1, 1, 2, 2}); // NCHW, 1 channel
        INDArray expected = imported.multiLayer().output(Nd4j.create(new float[] {0.9f, -0.4f, 0.3f, 1.2f},
                new long[] {1, 2, 2, 1}), false);
        assertThat(loaded.network().output(image)).isEqualTo(expected);
    }

    @Test
    void aFunctionalKerasCnnOpensAndPredictsAsTheImport() throws Exception {
        ImportedKerasModel imported = KerasImport.importModel(TinyKerasModels.functionalCnn(dir.resolve("cnn.h5"), 3));

        LoadedModel loaded = KerasModels.save(imported, Normalization.NONE, null, dir.resolve("cnn.zip"));

        Nd4j.getRandom().setSeed(3);
        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 3, 8, 8);
        INDArray expected = imported.graph().outputSingle(false, images.permute(0, 2, 3, 1).dup('c'));
        assertThat(loaded.network().output(images)).isEqualTo(expected);
        assertThat(loaded.normalizer().kind()).isEqualTo("none");
    }
}
