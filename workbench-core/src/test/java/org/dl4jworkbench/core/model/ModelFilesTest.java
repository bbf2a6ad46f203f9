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
        ModelFiles.save(net, metadata, file);

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
}
