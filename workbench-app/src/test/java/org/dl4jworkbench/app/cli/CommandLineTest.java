package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: real commands, real files, exit codes and messages. */
class CommandLineTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = WorkbenchCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void summaryOfTheMlpEndsWithItsParameterCount() {
        Run r = run("summary", "--template", "mlp");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).endsWith("Total parameters: 118282");
        assertThat(r.out()).contains("dense1", "100,480");
    }

    @Test
    void templatesListsAllSix() {
        Run r = run("templates");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("mlp", "lenet", "mnist-cnn", "cifar10-small", "cifar10-cnn", "cifar10-fast",
                "cats-dogs", "431,080");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"train", "summary", "templates"}) {
            Run r = run(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: workbench " + command);
        }
    }

    @Test
    void summaryOfANetworkThatDoesNotFitNamesTheLayer(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, """
                {"format": "dl4j-workbench/network", "version": 1, "name": "bad",
                 "input": {"height": 28, "width": 28, "channels": 1},
                 "layers": [{"type": "pooling", "kernel": 8}, {"type": "convolution", "filters": 8, "kernel": 5}],
                 "output": {"classes": 10},
                 "training": {"optimizer": "adam", "learning_rate": 0.001, "momentum": 0.9, "batch_size": 32,
                              "epochs": 1, "l2": 0, "seed": 1}}
                """);
        Run r = run("summary", "--spec", spec.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("Layer 'conv1': kernel 5x5 is larger than its 3x3x1 input");
    }

    @Test
    void unknownTemplateListsTheKnownOnes() {
        Run r = run("summary", "--template", "resnet");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: unknown template 'resnet'; choose one of: mlp, lenet, mnist-cnn, "
                + "cifar10-small, cifar10-cnn, cifar10-fast, cats-dogs, mobilenet-transfer\n");
    }

    @Test
    void trainOnATruncatedIdxFileSaysWhichFileWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] images = Files.readAllBytes(Path.of(System.getProperty("workbench.mnist.dir"), "t10k-images-idx3-ubyte"));
        Files.write(data.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(images, 5000));
        Run r = run("train", "--dataset", "idx:" + data, "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("error: " + data.resolve("train-images-idx3-ubyte")
                + ": the file is truncated: its header declares 10000 records");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void trainOnAnImageFolderWithBadFilesReportsThemAndTrains(@TempDir Path dir) throws Exception {
        Path pets = org.dl4jworkbench.core.data.image.ImageFixtures.catsAndDogs(dir.resolve("pets"), 30, true, 9);
        Run r = run("train", "--template", "cats-dogs", "--dataset", "folder:" + pets, "--epochs", "1",
                "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("48 training and 12 test images, 128x128x3, 2 classes", "Skipped 4 file(s):",
                "cats/empty.jpg: empty file (0 bytes)", "dogs/not-really.png: not an image",
                "dogs/truncated.jpg: truncated JPEG", "notes.txt: not in a class folder");
        JsonNode json = Json.mapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(json.get("dataset").asText()).isEqualTo("folder:" + pets);
        assertThat(Path.of(json.get("model").asText())).exists();
    }

    @Test
    void cifarCnnTrainsOnGeneratedCifarBinaryFiles(@TempDir Path dir) throws Exception {
        Path cifar = org.dl4jworkbench.core.data.CifarFixtures.writeLearnable(dir.resolve("cifar"), 2000, 500, 5);
        Run r = run("train", "--template", "cifar10-cnn", "--dataset", "cifar10:" + cifar, "--epochs", "3",
                "--out", dir.resolve("run").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("2,000 training and 500 test images, 32x32x3, 10 classes",
                "validation loss");
        JsonNode json = Json.mapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(json.get("test_accuracy").asDouble()).isGreaterThan(0.3); // chance is 0.1
        assertThat(json.get("epochs").asInt()).isEqualTo(3);
    }

    @Test
    void trainEndsWithAJsonLineAndLeavesAModelAndARunFolder(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Run r = run("train", "--template", "mlp", "--epochs", "1", "--batch", "64", "--out", runDir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(json.get("test_accuracy").asDouble()).isGreaterThan(0.85);
        assertThat(json.get("epochs").asInt()).isEqualTo(1);
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(json.get("images_per_second").asDouble()).isPositive();
        Path model = Path.of(json.get("model").asText());
        assertThat(model).isEqualTo(runDir.resolve("model.zip").toAbsolutePath());
        try (var zip = new ZipFile(model.toFile())) {
            assertThat(zip.getEntry("configuration.json")).isNotNull();
            assertThat(zip.getEntry("workbench.json")).isNotNull();
        }
        assertThat(runDir.resolve("network.json")).exists();
        assertThat(Files.readAllLines(runDir.resolve("epochs.csv"))).hasSize(2);
        assertThat(r.err()).contains("epoch 1/1", "img/s", "ETA");
        // whether convolutions run on oneDNN, as the dashboard's title says it (Backend.toString)
        assertThat(r.err()).containsPattern("Backend: CPU, (oneDNN \\(onednn[a-z0-9-]*\\)|OpenBLAS only)");
    }
}
