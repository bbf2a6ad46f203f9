package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jworkbench.app.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench export-java} as a user runs it: the code on standard output or in a file, and
 * clear messages for what it cannot do. That the code compiles and builds the workbench's own
 * configuration is core's JavaExportTest.
 */
class ExportJavaCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheTemplatesCodeNamedAfterIt() {
        Run r = run("export-java", "--template", "lenet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("import ").contains("public class Lenet {",
                "// conv1: convolution 5x5x20, stride 1, valid, identity -> 24x24x20, 520 parameters",
                "new ConvolutionLayer.Builder(5, 5)", ".setInputType(InputType.convolutional(28, 28, 1))",
                "public static void main(String[] args)").endsWith("}\n");
    }

    @Test
    void writesIntoAFolderAsTheClassesFileWithItsPackage() throws Exception {
        Run r = run("export-java", "--template", "mlp", "--class", "com.example.Digits", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path file = dir.resolve("Digits.java");
        assertThat(r.out()).startsWith("Wrote " + file + ": class com.example.Digits, ");
        assertThat(Files.readString(file)).startsWith("package com.example;\n").contains("public class Digits {");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aJavaFileNamesTheClassAndANetworkSpecFileIsExported() throws Exception {
        Path spec = dir.resolve("net.json");
        Files.writeString(spec, """
                {"format": "dl4j-workbench/network", "version": 1, "name": "tiny",
                 "input": {"height": 8, "width": 8, "channels": 1},
                 "layers": [{"type": "convolution", "filters": 4, "kernel": 2, "stride": 2, "padding": "same"},
                            {"type": "batch-norm"}, {"type": "dropout", "rate": 0.1}],
                 "output": {"classes": 3},
                 "training": {"optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9, "batch_size": 8,
                              "epochs": 1, "l2": 0, "seed": 7}}
                """);
        Path out = dir.resolve("TinyNet.java");
        Run r = run("export-java", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("public class TinyNet {", "new Sgd(new FixedSchedule(0.1))",
                "new BatchNormalization.Builder()", "new DropoutLayer.Builder(1.0 - 0.1)",
                "ConvolutionMode.Same");
    }

    @Test
    void theTransferTemplateBecomesTransferLearningCode() {
        Run r = run("export-java", "--template", "mobilenet-transfer");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("public class MobilenetTransfer {",
                "KerasModelImport.importKerasModelAndWeights(kerasFile.toString(), false)",
                ".setFeatureExtractor(\"global_average_pooling2d_1\")", "builder.addLayer(\"dropout1\"",
                "mobilenet_v1_0.75_224_imagenet.h5");
    }

    @Test
    void aTrainedModelExportsTheNetworkItWasTrainedFrom() throws Exception {
        Path run = dir.resolve("run");
        Run trained = run("train", "--template", "mlp", "--epochs", "1", "--batch", "256", "--out", run.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();

        Run fromModel = run("export-java", "--model", run.resolve("model.zip").toString());
        assertThat(fromModel.exitCode()).as(fromModel.err()).isZero();
        Run fromSpec = run("export-java", "--spec", run.resolve("network.json").toString());
        assertThat(fromModel.out()).isEqualTo(fromSpec.out()).contains("public static final int BATCH_SIZE = 256;");

        Run both = run("export-java", "--model", run.resolve("model.zip").toString(), "--template", "lenet");
        assertThat(both.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(both.err()).isEqualTo("error: --model names the network already; leave out --template and --spec\n");
    }

    @Test
    void aFileThatIsNoModelIsRefusedWithoutAStackTrace() throws Exception {
        Path fake = Files.writeString(dir.resolve("model.zip"), "not a zip");
        Run r = run("export-java", "--model", fake.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: ").contains(fake.toString()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownTemplateListsTheKnownOnes() {
        Run r = run("export-java", "--template", "resnet");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: unknown template 'resnet'; choose one of: mlp, lenet");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aClassNameJavaRefusesIsRefused() {
        Run r = run("export-java", "--template", "lenet", "--class", "my-net");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: --class: expected a Java class name such as LeNet or com.example.LeNet "
                + "(letters, digits and _, not beginning with a digit, not a Java keyword), found 'my-net'\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderThatDoesNotExistOrIsAFileIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("LeNet.java");
        Run r = run("export-java", "--template", "lenet", "--out", missing.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: cannot write " + missing + ": the folder " + missing.getParent()
                + " does not exist; create it or choose another\n");
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        r = run("export-java", "--template", "lenet", "--out", file.resolve("LeNet.java").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: cannot write " + file.resolve("LeNet.java"));
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aNetworkWithProblemsIsNotExportedAndItsProblemsAreListed() throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, """
                {"format": "dl4j-workbench/network", "version": 1, "name": "bad",
                 "input": {"height": 28, "width": 28, "channels": 1},
                 "layers": [{"type": "pooling", "kernel": 8}, {"type": "convolution", "filters": 8, "kernel": 5}],
                 "output": {"classes": 10},
                 "training": {"optimizer": "adam", "learning_rate": 0.001, "momentum": 0.9, "batch_size": 32,
                              "epochs": 1, "l2": 0, "seed": 1}}
                """);
        Run r = run("export-java", "--spec", spec.toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).startsWith("error: the network cannot be exported until its problems are fixed")
                .contains("Layer 'conv1': kernel 5x5 is larger than its 3x3x1 input");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))).isEmpty();
        }
    }

    @Test
    void aFileNamedForAnotherClassGetsANote() throws Exception {
        Path out = dir.resolve("code.txt");
        Run r = run("export-java", "--template", "lenet", "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("note: javac expects the public class Lenet in a file named Lenet.java, not "
                + "code.txt\n");
    }
}
