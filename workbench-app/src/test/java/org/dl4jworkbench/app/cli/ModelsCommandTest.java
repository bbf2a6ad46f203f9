package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models list} and {@code models download} against a data folder of the test's own; no network. */
class ModelsCommandTest {

    private static final String DATA_PROPERTY = "workbench.data";
    private static final String FILE = "mobilenet_v1_0.75_224_imagenet.h5";
    private static final String SHA256 = "3f4c38af7e766534f0a1e8592db1cd4e76972476332326b7d1cece972a1ddcfb";

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

    private Path folder() {
        return data.resolve("models").resolve("mobilenet-v1-0.75");
    }

    @Test
    void listShowsIdTitleSizeStatusAndLicence() {
        Run r = CommandLineTest.run("models", "list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +TITLE +SIZE +STATUS +LICENCE");
        assertThat(lines.get(1)).matches("mobilenet-v1-0\\.75 +MobileNet v1 0\\.75 \\(224x224, ImageNet\\) +10\\.7 MB "
                + "+not installed +Apache-2\\.0");
        assertThat(r.out()).contains("Takes 224x224x3 images, pixels scaled x/127.5 - 1; tells 1,000 classes.",
                "File: " + folder().resolve(FILE), "Provenance: Google's MobileNet v1 ImageNet checkpoint",
                "./workbench models download ID");
    }

    @Test
    void unknownIdListsTheCatalogueAndExitsWithBadInput() {
        Run r = CommandLineTest.run("models", "download", "resnet50");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: unknown network 'resnet50'; the catalogue has: mobilenet-v1-0.75\n");
        assertThat(r.out()).isEmpty();
    }

    /** No server offers the full model file: the command says which file to put where. */
    @Test
    void downloadWithoutTheFileSaysWhereToPutIt() {
        Run r = CommandLineTest.run("models", "download", "mobilenet-v1-0.75");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: the workbench knows no download location for " + FILE + " of network "
                + "mobilenet-v1-0.75. Put " + FILE + " (10,659,272 bytes, SHA-256 " + SHA256 + ") into " + folder()
                + ", then run ./workbench models download mobilenet-v1-0.75 again: it checks the file and installs it "
                + "without the network.\n");
        assertThat(r.out()).isEmpty();
    }

    /** The real model file put in place by hand: listed as installed, and download checks it offline. */
    @Test
    void downloadChecksTheRealFilePutThereByHand() throws Exception {
        Path shared = Path.of("..", "..", "shared", "data", FILE).toAbsolutePath().normalize();
        assertThat(shared).as("the shared data file (../shared/data beside the repository, see its README.md)")
                .isRegularFile();
        Files.createDirectories(folder());
        Files.copy(shared, folder().resolve(FILE));
        assertThat(CommandLineTest.run("models", "list").out()).containsPattern("10\\.7 MB +installed, not yet "
                + "verified +Apache-2\\.0");

        Run r = CommandLineTest.run("models", "download", "mobilenet-v1-0.75");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("mobilenet-v1-0.75 is installed and verified in " + folder() + "\n"
                + "Model file: " + folder().resolve(FILE) + "\n");
        assertThat(r.err()).contains("verifying " + folder().resolve(FILE));
        assertThat(CommandLineTest.run("models", "list").out())
                .containsPattern(Pattern.quote("10.7 MB") + " +installed +Apache-2\\.0");
        assertThat(CommandLineTest.run("models", "download", "mobilenet-v1-0.75").out())
                .startsWith("mobilenet-v1-0.75 was already installed and verified in " + folder());
    }

    @Test
    void bothCommandsHaveHelpAndModelsIsACommandOfItsOwn() {
        for (String command : new String[] {"list", "download"}) {
            Run r = CommandLineTest.run("models", command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: workbench models " + command);
        }
        assertThat(CommandLineTest.run("--help").out()).containsPattern("\\n +models +Lists and installs pretrained "
                + "networks\\.");
    }
}
