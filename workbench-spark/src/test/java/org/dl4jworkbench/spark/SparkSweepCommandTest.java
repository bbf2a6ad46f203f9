package org.dl4jworkbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dl4jworkbench.app.cli.MnistSlice;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark sweep} on {@code local[2]}: four LeNet trials on 1,200 real MNIST digits, each a
 * Spark task that trains it with the workbench's {@code train} in a process of its own, two at
 * a time on the two task slots, halved after one epoch.
 */
class SparkSweepCommandTest {

    @Test
    void fourTrialSweepRunsAsSparkTasks(@TempDir Path dir) throws Exception {
        Path data = MnistSlice.write(dir.resolve("digits"), 1200, 300);
        Path out = dir.resolve("sweep");
        SparkCli.Run r = SparkCli.run("spark", "sweep", "--master", "local[2]", "--template", "lenet",
                "--dataset", "idx:" + data, "--vary", "learning_rate=1e-4,3e-3", "--vary", "batch_size=32,64",
                "--epochs", "2", "--eta", "2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.err()).contains("2 at once, 1 thread(s) each, on Spark 3.5", "local[2]");

        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(1, 5).stream().filter(l -> l.endsWith("stopped early at rung 1"))).hasSize(2);
        assertThat(lines.subList(1, 5).stream().filter(l -> l.endsWith("done"))).hasSize(2);

        JsonNode json = Json.mapper().readTree(lines.get(5));
        for (JsonNode t : json.get("trials")) {
            RunFolder run = RunFolder.open(Path.of(t.get("run").asText()));
            assertThat(run.readSummary().status()).isEqualTo(RunSummary.COMPLETED);
            assertThat(run.readEpochs()).hasSize(t.get("epochs").asInt());
            assertThat(run.model()).exists();
            // Trained by the workbench's own engine on the executor: an ordinary local backend.
            assertThat(run.readSummary().backend()).startsWith("CPU");
        }
        assertThat(json.get("best").get("validation_accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(Files.readString(out.resolve("logs").resolve("trial-1.log"))).contains("train --spec");
    }
}
