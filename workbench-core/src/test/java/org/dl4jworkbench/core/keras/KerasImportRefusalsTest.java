package org.dl4jworkbench.core.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.dl4jworkbench.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file the import cannot use comes back as a message naming the file, what was found and a way out. */
class KerasImportRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.h5");
        assertThat(refusal(file)).contains(file.toString(), "does not exist", "Check the path");
    }

    @Test
    void randomBytesAreNotHdf5() throws IOException {
        Path file = dir.resolve("random.h5");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        assertThat(refusal(file)).contains(file.toString(), "is not an HDF5 file", "no HDF5 signature", "model.save");
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.h5"));
        assertThat(refusal(file)).contains("is not an HDF5 file", "an empty file");
    }

    @Test
    void aKeras3ArchiveIsRecognised() throws IOException {
        Path file = dir.resolve("model.keras");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        assertThat(refusal(file)).contains("zip archive", "Keras 3", "Keras 2", "model.save(\"model.h5\")");
    }

    @Test
    void aTruncatedCopyOfMobileNetIsDamaged() throws IOException {
        Path file = dir.resolve("mobilenet-half.h5");
        try (InputStream in = Files.newInputStream(SharedData.mobileNet())) {
            Files.write(file, in.readNBytes((int) (Files.size(SharedData.mobileNet()) / 2)));
        }
        assertThat(refusal(file)).contains(file.toString(), "damaged or incomplete", "truncated", "again");
    }

    @Test
    void aTruncatedSmallModelIsDamaged() throws Exception {
        Path whole = dir.resolve("whole.h5");
        KerasFiles.writeModel(whole, "2.2.4", SmallKerasModelsTest.sequentialConfig("Dense"),
                SmallKerasModelsTest.sequentialWeights());
        byte[] bytes = Files.readAllBytes(whole);
        Path file = dir.resolve("cut.h5");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        assertThat(refusal(file)).contains(file.toString(), "damaged or incomplete");
    }

    @Test
    void aKeras3FileIsRefusedWithTheVersion() throws Exception {
        Path file = dir.resolve("keras3.h5");
        KerasFiles.writeModel(file, "3.3.3", SmallKerasModelsTest.sequentialConfig("Dense"),
                SmallKerasModelsTest.sequentialWeights());
        assertThat(refusal(file)).contains(file.toString(), "saved by Keras 3.3.3", "Keras 1 and 2", "tf_keras");
    }

    @Test
    void aWeightsOnlyFileAsksForTheArchitecture() throws Exception {
        Path file = dir.resolve("weights.h5");
        KerasFiles.writeWeightsOnly(file, "2.2.4", SmallKerasModelsTest.sequentialWeights());
        assertThat(refusal(file)).contains(file.toString(), "weights only", "no model_config", "architecture JSON",
                "model.save(");
    }

    @Test
    void aLayerDl4jCannotImportIsNamed() throws Exception {
        Path file = dir.resolve("flip.h5");
        KerasFiles.writeModel(file, "2.2.4", SmallKerasModelsTest.sequentialConfig("RandomFlip"),
                SmallKerasModelsTest.sequentialWeights());
        String message = refusal(file);
        System.out.println("unsupported layer: " + message);
        assertThat(message).contains(file.toString(), "layer 'dense_1' (RandomFlip)", "cannot import", "Replace that layer")
                .doesNotContain("file an issue");
    }

    @Test
    void aFullModelGivenAsWeightsIsPointedAtTheRightCall() throws Exception {
        Path full = dir.resolve("full.h5");
        KerasFiles.writeModel(full, "2.2.4", SmallKerasModelsTest.sequentialConfig("Dense"),
                SmallKerasModelsTest.sequentialWeights());
        Path json = Files.writeString(dir.resolve("model.json"), SmallKerasModelsTest.sequentialConfig("Dense")
                .replaceFirst("}$", ", \"keras_version\": \"2.2.4\", \"backend\": \"tensorflow\"}"));
        String message = catchThrowableOfType(KerasImportException.class,
                () -> KerasImport.importModel(json, full)).getMessage();
        assertThat(message).contains(full.toString(), "full-model file", "on its own");
    }

    @Test
    void anArchitectureThatIsNotJsonIsNamed() throws Exception {
        Path weights = dir.resolve("weights.h5");
        KerasFiles.writeWeightsOnly(weights, "2.2.4", SmallKerasModelsTest.sequentialWeights());
        Path json = Files.writeString(dir.resolve("model.json"), "<html>not found</html>");
        String message = catchThrowableOfType(KerasImportException.class,
                () -> KerasImport.importModel(json, weights)).getMessage();
        assertThat(message).contains(json.toString(), "expected a Keras model architecture", "not JSON");
    }

    private static String refusal(Path file) {
        KerasImportException e = catchThrowableOfType(KerasImportException.class, () -> KerasImport.importModel(file));
        assertThat(e).as("import of " + file + " should be refused").isNotNull();
        System.out.println(file.getFileName() + ": " + e.getMessage());
        return e.getMessage();
    }
}
