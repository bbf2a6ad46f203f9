package org.dl4jworkbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.data.image.ImageFixtures;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench training} on a tiny real run: it reports every figure it was asked for and
 * writes its table and plot. How fast anything was is not checked here (benchmarks print
 * figures; tests do not time).
 */
class BenchTrainingCommandTest {

    @Test
    void aShortRunReportsItsFiguresAndWritesTableAndPlot(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("out/training.md");
        Path plot = dir.resolve("out/training.png");
        BenchCommandTest.Run r = BenchCommandTest.run("bench", "training", "--dataset", "mnist-mini",
                "--parts", "decode,lenet,predict", "--limit", "640", "--epochs", "1", "--folder-images", "0",
                "--table", table.toString(), "--plot", plot.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(json.get("lenet_images_per_epoch").asInt()).isEqualTo(640);
        assertThat(json.get("lenet_batch").asInt()).isEqualTo(32); // the template's
        assertThat(json.get("lenet_images_per_second").asDouble()).isPositive();
        assertThat(json.get("idx_decode_images_per_second").asLong()).isPositive();
        assertThat(json.get("predict_median_ms").asDouble()).isPositive();
        assertThat(json.get("lenet_peak_rss_mb").asLong()).isNotZero();
        assertThat(json.has("cifar10_cnn_images_per_second")).as("not asked for").isFalse();
        assertThat(Files.readString(table)).contains("| LeNet training, median of epochs after a warm-up |",
                "| Prediction of one image after load, median |").doesNotContain("cifar10-cnn");
        byte[] png = Files.readAllBytes(plot);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aMissingDatasetIsAMessageNotAStackTrace(@TempDir Path dir) {
        BenchCommandTest.Run r = BenchCommandTest.run("bench", "training", "--dataset", "idx:" + dir.resolve("none"),
                "--parts", "decode", "--folder-images", "0");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("error: cannot open idx:", "scripts/fetch-mnist.sh").doesNotContain("\tat ");
    }

    /**
     * The templates part on a tiny photo folder: each template trains on it decoded to its own
     * input (cifar10-small 32x32x3, mlp 28x28x1) with its own minibatch, and the figures come
     * out per template in the JSON line and the table.
     */
    @Test
    void theTemplatesPartTrainsEachTemplateOnTheFolderAtItsInput(@TempDir Path dir) throws Exception {
        Path photos = ImageFixtures.catsAndDogs(dir.resolve("pets"), 12, false, 3);
        Path table = dir.resolve("templates.md");
        String cacheBefore = System.getProperty("workbench.cache");
        System.setProperty("workbench.cache", dir.resolve("cache").toString());
        BenchCommandTest.Run r;
        try {
            r = BenchCommandTest.run("bench", "training", "--parts", "templates", "--templates", "cifar10-small,mlp",
                    "--dataset", "folder:" + photos, "--epochs", "2", "--table", table.toString(), "--plot",
                    dir.resolve("templates.png").toString());
        } finally {
            if (cacheBefore == null) {
                System.clearProperty("workbench.cache");
            } else {
                System.setProperty("workbench.cache", cacheBefore);
            }
        }
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        JsonNode rows = json.get("templates");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("template").asText()).isEqualTo("cifar10-small");
        assertThat(rows.get(0).get("input").asText()).isEqualTo("32x32x3");
        assertThat(rows.get(0).get("batch").asInt()).isEqualTo(128); // the template's
        assertThat(rows.get(0).get("dataset").asText()).isEqualTo("folder:" + photos);
        assertThat(rows.get(0).get("augmentation").asBoolean()).isFalse();
        assertThat(rows.get(1).get("input").asText()).isEqualTo("28x28x1");
        assertThat(rows.get(1).get("batch").asInt()).isEqualTo(32);
        for (JsonNode row : rows) {
            assertThat(row.get("images_per_epoch").asInt()).isPositive();
            assertThat(row.get("images_per_second").asDouble()).isPositive();
            assertThat(row.get("epoch_images_per_second")).as("the epoch after the warm-up").hasSize(1);
        }
        assertThat(json.has("lenet_images_per_second")).as("not asked for").isFalse();
        assertThat(Files.readString(table)).contains("| template | data | input | batch |",
                "| cifar10-small | folder:" + photos + " | 32x32x3 | 128 |").doesNotContain("LeNet training");
    }

    /** Where the dataset cannot give a template's input, the template trains on generated images of it. */
    @Test
    void aTemplateTheDatasetCannotFeedTrainsOnGeneratedImages(@TempDir Path dir) throws Exception {
        BenchCommandTest.Run r = BenchCommandTest.run("bench", "training", "--parts", "templates", "--templates",
                "cifar10-small", "--dataset", "mnist-mini", "--limit", "64", "--batch", "32", "--epochs", "2",
                "--table", dir.resolve("t.md").toString(), "--plot", dir.resolve("t.png").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("cifar10-small: mnist-mini gives 28x28x1 images, the template takes 32x32x3");
        JsonNode row = Json.mapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .get("templates").get(0);
        assertThat(row.get("dataset").asText()).isEqualTo("generated");
        assertThat(row.get("images_per_epoch").asInt()).isEqualTo(64);
        assertThat(row.get("batch").asInt()).isEqualTo(32);
    }

    @Test
    void anUnknownTemplateOrPartIsAMessage() {
        BenchCommandTest.Run r = BenchCommandTest.run("bench", "training", "--parts", "templates,speed",
                "--templates", "resnet");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("--parts takes decode, lenet, accuracy, cifar, predict, templates (found speed)",
                "--templates takes mlp, lenet, mnist-cnn, cifar10-small, cifar10-cnn, cifar10-fast, cats-dogs "
                        + "(found resnet)")
                .doesNotContain("\tat ");
    }
}
