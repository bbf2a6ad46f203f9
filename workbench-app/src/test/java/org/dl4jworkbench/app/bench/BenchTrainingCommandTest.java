package org.dl4jworkbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
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
}
