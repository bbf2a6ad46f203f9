package org.dl4jworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jworkbench.core.compile.SpecCompiler;
import org.dl4jworkbench.core.data.Normalizer;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFilesTest {

    @Test
    void savedModelIsAPlainDl4jZipWithTheWorkbenchMetadata(@TempDir Path dir) throws Exception {
        NetworkSpec spec = Templates.find("lenet").orElseThrow().spec();
        MultiLayerNetwork net = new MultiLayerNetwork(SpecCompiler.compile(spec));
        net.init();
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", "2026-11-24T00:00:00Z",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 28, 28, 1,
                new Normalizer(Normalizer.STANDARDIZE, new float[] {0.13f}, new float[] {0.31f}),
                "mnist-mini", 1, 0.5, SpecJson.toTree(spec));
        Path file = dir.resolve("model.zip");
        Files.writeString(file, "an older model");
        ModelFiles.save(Network.of(net), metadata, file);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        try (var zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()))
                    .containsExactlyInAnyOrder("configuration.json", "coefficients.bin", "updaterState.bin",
                            ModelFiles.METADATA_ENTRY);
            var read = Json.mapper().readValue(zip.getInputStream(zip.getEntry(ModelFiles.METADATA_ENTRY)),
                    ModelMetadata.class);
            assertThat(read).usingRecursiveComparison().ignoringFields("network").isEqualTo(metadata);
            assertThat(SpecJson.fromTree(read.network(), "metadata")).isEqualTo(spec);
        }

        // Plain DL4J reads it back, weights and updater state included.
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 28, 28);
        assertThat(restored.output(input)).isEqualTo(net.output(input));
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(net.getUpdater().getStateViewArray());
    }

    @Test
    void aLoadedModelGivesIdenticalOutputsAndKeepsMetadataSpecAndOptimizerState(@TempDir Path dir) throws Exception {
        NetworkSpec spec = Templates.find("lenet").orElseThrow().spec();
        MultiLayerNetwork net = new MultiLayerNetwork(SpecCompiler.compile(spec, 10));
        net.init();
        // One step of training, so the optimizer state is not all zeros.
        var labels = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 10);
        labels.putScalar(new int[] {0, 3}, 1).putScalar(new int[] {1, 7}, 1).putScalar(new int[] {2, 1}, 1)
                .putScalar(new int[] {3, 0}, 1);
        net.fit(new org.nd4j.linalg.dataset.DataSet(
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 1, 28, 28), labels));
        var normalizer = new Normalizer(Normalizer.STANDARDIZE, new float[] {0.13f}, new float[] {0.31f});
        var metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1", "2026-11-24T00:00:00Z",
                List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 28, 28, 1,
                normalizer, "mnist-mini", 1, 0.5, SpecJson.toTree(spec));
        Path file = dir.resolve("model.zip");
        ModelFiles.save(Network.of(net), metadata, file);

        LoadedModel loaded = ModelFiles.load(file);

        INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 1, 28, 28);
        assertThat(loaded.network().output(input)).isEqualTo(net.output(input, false));
        assertThat(loaded.network().params()).isEqualTo(net.params());
        assertThat(loaded.network().sequential().orElseThrow().getUpdater().getStateViewArray()).isEqualTo(net.getUpdater().getStateViewArray());
        assertThat(loaded.network().sequential().orElseThrow().getUpdater().getStateViewArray().sumNumber().doubleValue()).isNotZero();
        assertThat(loaded.metadata()).usingRecursiveComparison().ignoringFields("network").isEqualTo(metadata);
        assertThat(loaded.spec()).isEqualTo(spec);
        assertThat(loaded.normalizer()).isEqualTo(normalizer);
        assertThat(loaded.classNames()).startsWith("zero", "one").hasSize(10);
        assertThat(loaded.input()).hasToString("28x28x1");
        assertThat(loaded.screening()).isPositive().isLessThan(java.time.Duration.ofSeconds(5));
    }
}
