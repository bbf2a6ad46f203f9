package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datasets list} and {@code datasets download} against a data folder of the test's own; no network. */
class DatasetsCatalogCommandTest {

    private static final String DATA_PROPERTY = "workbench.data";

    @TempDir
    Path data;

    private String before;

    @BeforeEach
    void useTheTestsDataFolder() {
        before = System.getProperty(DATA_PROPERTY);
        System.setProperty(DATA_PROPERTY, data.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DATA_PROPERTY);
        } else {
            System.setProperty(DATA_PROPERTY, before);
        }
    }

    @Test
    void listShowsEveryEntryWithSizeStatusAndFolder() {
        Run r = CommandLineTest.run("datasets", "list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("NAME +FORMAT +DOWNLOAD +STATUS +FOLDER");
        assertThat(lines.get(1)).matches("mnist +idx +11\\.6 MB +not downloaded +" + quote(data.resolve("mnist")));
        assertThat(lines.get(2)).matches("cifar10 +cifar10 +170\\.1 MB +not downloaded +"
                + quote(data.resolve("cifar10")));
        assertThat(r.out()).contains("./workbench datasets download NAME");
    }

    private static String quote(Path path) {
        return java.util.regex.Pattern.quote(path.toString());
    }

    @Test
    void unknownNameListsTheCatalogueAndExitsWithBadInput() {
        Run r = CommandLineTest.run("datasets", "download", "imagenet");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: unknown dataset 'imagenet'; the catalogue has: mnist, cifar10\n");
        assertThat(r.out()).isEmpty();
    }

    /** The real MNIST put in the folder by hand: download checks it without the network. */
    @Test
    void downloadChecksFilesPutThereByHandAndSaysHowToUseThem() throws Exception {
        Path mnist = Files.createDirectories(data.resolve("mnist"));
        Path source = Path.of(System.getProperty("workbench.mnist.dir"));
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.copy(source.resolve(name), mnist.resolve(name));
        }
        assertThat(CommandLineTest.run("datasets", "list").out()).contains("files present, not yet verified");

        Run r = CommandLineTest.run("datasets", "download", "mnist");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("mnist is downloaded and verified in " + mnist + "\n"
                + "Use it with --dataset mnist, for example: ./workbench train --dataset mnist\n");
        assertThat(r.err()).contains("verifying " + mnist.resolve("train-images-idx3-ubyte"));
        assertThat(CommandLineTest.run("datasets", "list").out()).containsPattern("mnist +idx +11\\.6 MB +downloaded, "
                + "verified");
        assertThat(CommandLineTest.run("datasets", "download", "mnist").out())
                .startsWith("mnist was already downloaded and verified in " + mnist);
    }

    @Test
    void cifar10IsSuggestedWithANetworkMadeForIt() {
        assertThat(DatasetsDownloadCommand.trainCommand("cifar10"))
                .isEqualTo("./workbench train --template cifar10-small --dataset cifar10");
        assertThat(DatasetsDownloadCommand.trainCommand("mnist")).isEqualTo("./workbench train --dataset mnist");
    }

    @Test
    void bothCommandsHaveHelp() {
        for (String command : new String[] {"list", "download"}) {
            Run r = CommandLineTest.run("datasets", command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: workbench datasets " + command);
        }
    }
}
