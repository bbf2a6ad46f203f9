package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datasets info} and {@code datasets augment} on real MNIST and on a generated image folder. */
class DatasetsCommandTest {

    @TempDir
    Path dir;

    @Test
    void infoOnFullMnistPrintsEverySplitAndClass() {
        var r = CommandLineTest.run("datasets", "info", "idx:" + System.getProperty("workbench.mnist.dir"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Images: 28x28, 1 channel(s)")
                .containsPattern("0\\s+5,923\\s+980")
                .containsPattern("total\\s+60,000\\s+10,000")
                .contains("Skipped: none");
    }

    @Test
    void infoOnAFolderListsWhatWasSkippedAndWritesASampleGrid() throws Exception {
        Path data = ImageFixtures.catsAndDogs(dir.resolve("pets"), 10, true, 3);
        Path grid = dir.resolve("grid.png");
        var r = CommandLineTest.run("datasets", "info", "folder:" + data, "--size", "32x32x3", "--grid",
                grid.toString(), "--per-class", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("cats\\s+8\\s+2").containsPattern("dogs\\s+8\\s+2")
                .contains("decoded to 32x32x3", "Skipped 4 file(s):", "cats/empty.jpg: empty file (0 bytes)",
                        "dogs/truncated.jpg: truncated JPEG");
        var image = ImageIO.read(grid.toFile());
        assertThat(image.getHeight()).isEqualTo(2 + 2 * (64 + 2)); // two rows of 32 px shown twice as big
        assertThat(image.getWidth()).isEqualTo(2 + 5 * (64 + 2));
    }

    @Test
    void infoOnABrokenFolderSaysWhyWithoutAStackTrace() throws Exception {
        Files.createDirectories(dir.resolve("only/cats"));
        var r = CommandLineTest.run("datasets", "info", "folder:" + dir.resolve("only"));
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("only one class folder ('cats')").doesNotContain("\tat ");
    }

    @Test
    void augmentWritesOriginalsBesideTheirVariants() throws Exception {
        Path out = dir.resolve("aug.png");
        var r = CommandLineTest.run("datasets", "augment", "mnist-mini", "--out", out.toString(), "--images", "3",
                "--variants", "4", "--rotation", "15", "--zoom", "0.1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        var image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(2 + 5 * (56 + 2));
        assertThat(image.getHeight()).isEqualTo(2 + 3 * (56 + 2));
    }
}
