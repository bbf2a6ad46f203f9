package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.keras.KerasFiles;
import org.dl4jworkbench.core.keras.TinyKerasModels;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.testing.SharedData;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench import} on the real MobileNet file and on small Keras files written here,
 * then {@code predict} with what it wrote; and {@code predict --pretrained}, the catalogue's
 * MobileNet as it is.
 */
class ImportCommandTest {

    @TempDir
    static Path shared;
    static Path cat;

    @TempDir
    Path dir;

    @BeforeAll
    static void onePhoto() throws Exception {
        Path photos = RealPhotos.cifarFolder(shared.resolve("photos"), List.of("cat"), 0, 1);
        try (var files = Files.list(photos.resolve("test").resolve("cat"))) {
            cat = files.findFirst().orElseThrow();
        }
    }

    @Test
    void theMobileNetFileImportsAndPredictsAsThePretrainedNetwork() throws Exception {
        Path h5 = Files.copy(SharedData.mobileNet(), dir.resolve("mobilenet.h5"));
        Run imported = CommandLineTest.run("import", h5.toString(), "--normalization", "symmetric");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path zip = dir.resolve("mobilenet.zip");
        assertThat(zip).isRegularFile();
        assertThat(imported.out()).contains("Imported mobilenet.h5 (Keras 2.1.4, functional, 2,601,976 parameters): "
                + "takes 224x224x3 images, pixels scale to -1..1 (x / 127.5 - 1); 1,000 classes (0, 1, 2, 3, 4, ...).",
                "Saved " + zip + ". Try: ./workbench predict --model " + zip + " IMAGE");

        Run fromZip = CommandLineTest.run("predict", "--model", zip.toString(), "--json", cat.toString());
        assertThat(fromZip.exitCode()).as(fromZip.err()).isZero();
        JsonNode top = Json.mapper().readTree(fromZip.out()).at("/results/0/top/0");

        Run pretrained;
        try (var data = DataFolder.withMobileNet(dir.resolve("data"))) {
            pretrained = CommandLineTest.run("predict", "--pretrained", "mobilenet-v1-0.75", "--json", cat.toString());
        }
        assertThat(pretrained.exitCode()).as(pretrained.err()).isZero();
        JsonNode json = Json.mapper().readTree(pretrained.out());
        assertThat(json.get("model").asText()).isEqualTo("pretrained:mobilenet-v1-0.75");
        JsonNode named = json.at("/results/0/top/0");
        // The same network, the same preprocessing: the same class, named by ImageNet rather than by number.
        assertThat(named.get("index").asInt()).isEqualTo(top.get("index").asInt());
        assertThat(named.get("class").asText())
                .isEqualTo(PretrainedCatalog.MOBILENET_V1_075.classNames().get(top.get("index").asInt()));
        assertThat(top.get("class").asText()).isEqualTo(String.valueOf(top.get("index").asInt()));
        assertThat(named.get("probability").asDouble()).isCloseTo(top.get("probability").asDouble(), within(1e-5));

        Run again = CommandLineTest.run("import", h5.toString(), "--normalization", "symmetric");
        assertThat(again.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(again.err()).isEqualTo("error: " + zip + " already exists; choose another --out, or add --force "
                + "to replace it\n");
        Run forced = CommandLineTest.run("import", h5.toString(), "--normalization", "symmetric", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
    }

    @Test
    void aSmallKerasCnnImportsWithItsClassNamesAndPredicts() throws Exception {
        Path h5 = TinyKerasModels.functionalCnn(dir.resolve("colours.h5"), 3);
        Path zip = dir.resolve("models").resolve("colours.zip");
        Files.createDirectories(zip.getParent());
        Run imported = CommandLineTest.run("import", h5.toString(), "--classes", "red,green,blue", "--out",
                zip.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("(Keras 2.9.0, functional, 223 parameters): takes 8x8x3 images, "
                + "pixels scale to 0..1; 3 classes (red, green, blue).");

        Run predicted = CommandLineTest.run("predict", "--model", zip.toString(), "--top", "1", cat.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.out()).matches(java.util.regex.Pattern.quote(cat.toString())
                + ": (red|green|blue) \\d+\\.\\d%\\n");
    }

    @Test
    void classNamesThatDoNotMatchTheOutputsAreRefusedAndNothingIsWritten() throws Exception {
        Path h5 = TinyKerasModels.functionalCnn(dir.resolve("cnn.h5"), 3);
        Run r = CommandLineTest.run("import", h5.toString(), "--classes", "cat,dog");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: --classes gives 2 names, but " + h5 + " has 3 outputs; give one name "
                + "per output, in the model's order\n");
        assertThat(dir.resolve("cnn.zip")).doesNotExist();
    }

    @Test
    void standardizingIsNotOffered() throws Exception {
        Path h5 = TinyKerasModels.functionalCnn(dir.resolve("cnn.h5"), 3);
        Run r = CommandLineTest.run("import", h5.toString(), "--normalization", "standardize");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --normalization standardize: expected none (raw 0..255), scale (0..1) "
                + "or symmetric (-1..1).");
    }

    @Test
    void filesTheImportCannotTakeGetTheirReasonAndExitCodeTwo() throws Exception {
        Path keras3 = TinyKerasModels.sequential(dir.resolve("keras3.h5"), "3.3.3", "Dense");
        Path flip = TinyKerasModels.sequential(dir.resolve("flip.h5"), "2.2.4", "RandomFlip");
        Path weightsOnly = dir.resolve("weights.h5");
        KerasFiles.writeWeightsOnly(weightsOnly, "2.9.0", List.of(new KerasFiles.LayerWeights("dense_1",
                List.of(new KerasFiles.Weight("bias:0", new long[] {3}, new float[3])))));
        Path damaged = Files.writeString(dir.resolve("notes.h5"), "not a model");
        var expected = new java.util.LinkedHashMap<Path, String>();
        expected.put(keras3, "was saved by Keras 3.3.3");
        expected.put(flip, "layer 'dense_1' (RandomFlip)");
        expected.put(weightsOnly, "holds weights only");
        expected.put(damaged, "is not an HDF5 file");
        for (var e : expected.entrySet()) {
            Run r = CommandLineTest.run("import", e.getKey().toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(WorkbenchCommand.BAD_INPUT);
            assertThat(r.err()).startsWith("error: " + e.getKey()).contains(e.getValue()).doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void predictWithAPretrainedNetworkNotInstalledSaysHowToInstallIt() throws Exception {
        try (var data = DataFolder.empty(dir.resolve("data"))) {
            Run r = CommandLineTest.run("predict", "--pretrained", "mobilenet-v1-0.75", cat.toString());
            assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
            assertThat(r.err()).contains("mobilenet_v1_0.75_224_imagenet.h5").doesNotContain("\tat ");

            Run unknown = CommandLineTest.run("predict", "--pretrained", "resnet50", cat.toString());
            assertThat(unknown.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
            assertThat(unknown.err()).isEqualTo("error: --pretrained: unknown network 'resnet50'; the catalogue has: "
                    + "mobilenet-v1-0.75 ('workbench models list' shows them)\n");

            Run both = CommandLineTest.run("predict", "--pretrained", "mobilenet-v1-0.75", "--model", "m.zip",
                    cat.toString());
            assertThat(both.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
            assertThat(both.err()).contains("mutually exclusive");
        }
    }
}
