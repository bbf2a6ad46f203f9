package org.dl4jworkbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dl4jworkbench.core.pretrained.PretrainedCatalog;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench bench transfer} on a few photos, with the real MobileNet from ../shared/data. */
class BenchTransferCommandTest {

    @Test
    void measuresEveryPartAndPrintsATableThenOneJsonLine(@TempDir Path dir) throws Exception {
        Path dataRoot = dir.resolve("data");
        Path model = PretrainedCatalog.MOBILENET_V1_075.modelFile(dataRoot);
        Files.createDirectories(model.getParent());
        Files.copy(Path.of("..", "..", "shared", "data", PretrainedCatalog.MOBILENET_V1_075.file().name()), model);
        Path photos = photos(dir.resolve("photos"), 10);

        var r = BenchCommandTest.run("bench", "transfer", "--dataset", "folder:" + photos, "--data",
                dataRoot.toString(), "--epochs", "2", "--images", "4", "--runs", "3", "--warmup", "1", "--table",
                dir.resolve("transfer.md").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines.get(0)).isEqualTo("| measure | value | target |");
        assertThat(Files.readString(dir.resolve("transfer.md"))).contains("Prediction of one photo after load");
        JsonNode json = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.get("feature_images").asInt()).isEqualTo(20);
        assertThat(json.get("features_cold_seconds").asDouble()).isPositive();
        assertThat(json.get("epoch_seconds").size()).isEqualTo(2);
        assertThat(json.get("total_seconds").asDouble())
                .isGreaterThan(json.get("features_cold_seconds").asDouble());
        // Cached features skip the backbone: the first minibatch comes much sooner.
        assertThat(json.get("warm_seconds_to_first_minibatch").asDouble())
                .isLessThan(json.get("cold_seconds_to_first_minibatch").asDouble());
        assertThat(json.get("augment_images_per_second").asDouble()).isPositive();
        assertThat(json.get("finetune_images_per_second").asDouble()).isPositive();
        assertThat(json.get("predict_median_ms").asDouble()).isPositive();
        assertThat(json.get("predict_p90_ms").asDouble()).isGreaterThanOrEqualTo(json.get("predict_median_ms")
                .asDouble());
        assertThat(json.get("peak_rss_mb").asLong()).isPositive();
    }

    @Test
    void refusesWithoutTheInstalledNetworkAndSaysWhereToPutIt(@TempDir Path dir) {
        var r = BenchCommandTest.run("bench", "transfer", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(org.dl4jworkbench.app.cli.WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("mobilenet-v1-0.75", "--data DIR").doesNotContain("Exception");
    }

    /** {@code perClass} 64x48 JPEGs in each of two classes, one folder per class (the test split is made). */
    private static Path photos(Path folder, int perClass) throws Exception {
        for (String label : List.of("cat", "dog")) {
            Files.createDirectories(folder.resolve(label));
            for (int i = 0; i < perClass; i++) {
                var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
                var g = image.createGraphics();
                g.setColor(new Color(label.equals("cat") ? 0x804020 : 0x204080).brighter());
                g.fillRect(0, 0, 64, 48);
                g.setColor(new Color(i * 20, 100, 200 - i * 10));
                g.fillOval(i * 3, 5, 20, 30);
                g.dispose();
                ImageIO.write(image, "jpg", folder.resolve(label).resolve(i + ".jpg").toFile());
            }
        }
        return folder;
    }
}
