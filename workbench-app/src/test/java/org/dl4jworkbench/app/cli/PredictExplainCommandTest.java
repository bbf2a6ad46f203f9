package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.dl4jworkbench.core.explain.CnnModelFixture;
import org.dl4jworkbench.core.predict.MnistModelFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench predict --explain DIR}: heat-map overlays as PNG files, and clear refusals. */
class PredictExplainCommandTest {

    @TempDir
    static Path shared;
    static CnnModelFixture.TrainedModel cnn;
    static List<Path> digits = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAModelAndWriteDigits() throws Exception {
        cnn = CnnModelFixture.train(shared);
        for (int i = 0; i < 3; i++) {
            digits.add(MnistModelFixture.writeDigit(cnn.test(), i, shared.resolve("digit-" + i + ".png")));
        }
    }

    static String[] args(String... head) {
        return Stream.concat(Stream.of(head), digits.stream().map(Path::toString)).toArray(String[]::new);
    }

    @Test
    void writesAGradCamOverlayPerImageEnlargedAndNotBlank() throws Exception {
        Path out = dir.resolve("maps");
        Run r = CommandLineTest.run(args("predict", "--model", cnn.file().toString(), "--explain", out.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Grad-CAM of class ").contains(" on conv2: ");
        for (int i = 0; i < digits.size(); i++) {
            Path png = out.resolve("digit-" + i + ".gradcam.png");
            assertThat(png).exists();
            BufferedImage image = ImageIO.read(png.toFile());
            // 28x28 enlarged 8 times to reach 224 pixels.
            assertThat(image.getWidth()).isEqualTo(224);
            assertThat(image.getHeight()).isEqualTo(224);
            assertThat(colours(image)).as("distinct colours in " + png).isGreaterThan(50);
            assertThat(hasHeatColour(image)).as("some pixel is clearly coloured (not gray) in " + png).isTrue();
        }
    }

    @Test
    void saliencyAndAChosenLayerByNameWithJsonNamingTheFiles() throws Exception {
        Path out = dir.resolve("saliency");
        Run r = CommandLineTest.run(args("predict", "--model", cnn.file().toString(), "--explain", out.toString(),
                "--method", "saliency", "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"explanation\":").contains("digit-0.saliency.png").contains("\"input\"");
        assertThat(ImageIO.read(out.resolve("digit-1.saliency.png").toFile()).getWidth()).isEqualTo(224);

        Run first = CommandLineTest.run(args("predict", "--model", cnn.file().toString(), "--explain", out.toString(),
                "--layer", "conv1"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains(" on conv1: ");
    }

    @Test
    void anUnknownLayerIsRefusedListingTheConvolutions() {
        Run r = CommandLineTest.run(args("predict", "--model", cnn.file().toString(), "--explain", dir.toString(),
                "--layer", "conv7"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no layer 'conv7'").contains("conv1, conv2").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeMadeIsRefusedBeforeAnyImage() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "a file, not a folder");
        Run r = CommandLineTest.run(args("predict", "--model", cnn.file().toString(), "--explain",
                file.resolve("maps").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--explain: cannot create the folder").contains("name a folder you can write to")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void gradCamOnANetworkWithoutConvolutionsSuggestsSaliency() throws Exception {
        var mlp = MnistModelFixture.trainMlp(dir);
        Run r = CommandLineTest.run(args("predict", "--model", mlp.file().toString(), "--explain", dir.toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Grad-CAM needs a convolution layer").contains("--method saliency");

        Run saliency = CommandLineTest.run(args("predict", "--model", mlp.file().toString(), "--explain",
                dir.resolve("s").toString(), "--method", "saliency"));
        assertThat(saliency.exitCode()).as(saliency.err()).isZero();
        assertThat(dir.resolve("s").resolve("digit-2.saliency.png")).exists();
    }

    @Test
    void explainOptionsWithoutExplainAreRefused() {
        Run r = CommandLineTest.run(args("predict", "--model", cnn.file().toString(), "--layer", "conv1"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--layer only applies with --explain DIR");
    }

    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    static boolean hasHeatColour(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    return true;
                }
            }
        }
        return false;
    }
}
