package org.dl4jworkbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.WorkbenchCommand;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark train} as a user runs it on {@code local[2]}: LeNet on the embedded mnist-mini
 * (10,000 real digits), its minibatches fitted by two Spark workers with parameter averaging,
 * into a run folder that reads back as any other run's and whose model evaluates again.
 */
class SparkTrainCommandTest {

    @Test
    void lenetTrainsOnLocal2IntoAnOrdinaryRunFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        SparkCli.Run r = SparkCli.run("spark", "train", "--master", "local[2]", "--template", "lenet", "--epochs", "1",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Spark 3.5", "local[2], 2 task slot(s)", "Backend: CPU");

        JsonNode json = Json.mapper().readTree(r.json());
        assertThat(json.get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(0.90);
        assertThat(json.get("run").asText()).isEqualTo(out.toAbsolutePath().toString());

        RunFolder run = RunFolder.open(out);
        RunSummary summary = run.readSummary();
        assertThat(summary.status()).isEqualTo(RunSummary.COMPLETED);
        assertThat(summary.backend()).contains("Spark", "local[2]");
        assertThat(summary.testAccuracy()).isEqualTo(json.get("test_accuracy").asDouble(), within());
        assertThat(run.readEpochs()).hasSize(1);
        assertThat(run.readEpochs().get(0).validationAccuracy()).isGreaterThan(0.9);
        // One record per group of 2 workers x 5 minibatches, numbered by minibatch as a local run's.
        assertThat(run.readIterations()).hasSizeGreaterThan(20)
                .allSatisfy(i -> assertThat(i.loss()).isFinite());
        assertThat(out.resolve("checkpoints").resolve("epoch-0001.zip")).exists();
        assertThat(out.resolve(RunFolder.EVALUATION)).exists();

        // The model reopens and predicts: evaluated again with the ordinary command, the same accuracy.
        SparkCli.Run again = SparkCli.run("evaluate", "--model", run.model().toString(), "--dataset", "mnist-mini");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(String.format(java.util.Locale.ROOT, "%.2f%%",
                json.get("test_accuracy").asDouble() * 100));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-4);
    }

    @Test
    void badInputGetsAMessageNotATrace(@TempDir Path dir) {
        SparkCli.Run r = SparkCli.run("spark", "train", "--master", "locl[2]", "--out", dir.resolve("a").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("--master locl[2]: expected local[N], local[*] or spark://HOST:PORT")
                .doesNotContain("\tat ");

        r = SparkCli.run("spark", "train", "--master", "local[1]", "--conf", "spark.executor.memory",
                "--out", dir.resolve("b").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("--conf spark.executor.memory: expected KEY=VALUE");

        r = SparkCli.run("spark", "train", "--master", "local[1]", "--averaging", "0");
        assertThat(r.err()).contains("--averaging must be at least 1, not 0");

        // A frozen backbone trains its head on features only this computer has computed.
        r = SparkCli.run("spark", "train", "--master", "local[1]", "--template", "mobilenet-transfer",
                "--out", dir.resolve("c").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("frozen", "'./workbench train'").doesNotContain("\tat ");
    }
}
