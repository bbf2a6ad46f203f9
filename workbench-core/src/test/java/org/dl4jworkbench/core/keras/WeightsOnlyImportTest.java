package org.dl4jworkbench.core.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras publishes application weights as weights-only files beside the architecture JSON:
 * MobileNet split that way imports to the same network as the full-model file.
 */
class WeightsOnlyImportTest {

    @TempDir
    Path dir;

    @Test
    void mobileNetFromJsonAndWeightsEqualsTheFullFile() throws Exception {
        Path json = dir.resolve("mobilenet.json");
        Path weights = dir.resolve("mobilenet_weights.h5");
        KerasFiles.split(SharedData.mobileNet(), json, weights);

        ImportedKerasModel full = KerasImport.importModel(SharedData.mobileNet());
        long start = System.nanoTime();
        ImportedKerasModel split = KerasImport.importModel(json, weights);
        System.out.println("MobileNet import from JSON + weights took " + (System.nanoTime() - start) / 1_000_000 + " ms");

        assertThat(split.isGraph()).isTrue();
        assertThat(split.parameters()).isEqualTo(2_601_976L);
        assertThat(split.outputs()).isEqualTo(1000);
        assertThat(split.input()).isEqualTo(full.input());
        assertThat(split.kerasVersion()).isEqualTo("2.1.4");
        assertThat(split.graph().params()).isEqualTo(full.graph().params());
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 224, 224, 3).muli(2).subi(1);
        INDArray a = full.graph().outputSingle(false, x);
        INDArray b = split.graph().outputSingle(false, x);
        assertThat(b.equalsWithEps(a, 1e-6)).as("max |diff| " + b.sub(a).amaxNumber()).isTrue();
    }

    @Test
    void aSequentialModelFromJsonAndWeightsEqualsTheFullFile() throws Exception {
        Path fullFile = dir.resolve("dense.h5");
        KerasFiles.writeModel(fullFile, "2.2.4", SmallKerasModelsTest.sequentialConfig("Dense"),
                SmallKerasModelsTest.sequentialWeights());
        Path json = dir.resolve("dense.json");
        Path weights = dir.resolve("dense_weights.h5");
        KerasFiles.split(fullFile, json, weights);

        ImportedKerasModel full = KerasImport.importModel(fullFile);
        ImportedKerasModel split = KerasImport.importModel(json, weights);

        assertThat(split.isGraph()).isFalse();
        INDArray x = Nd4j.create(new float[] {0.9f, -0.4f, 0.3f, 1.2f}, new long[] {1, 2, 2, 1});
        assertThat(split.multiLayer().output(x, false)).isEqualTo(full.multiLayer().output(x, false));
        assertThat(List.of(split.parameters(), split.outputs())).containsExactly(15L, 3L);
    }
}
