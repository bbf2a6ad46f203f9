package org.dl4jworkbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.app.cli.MnistSlice;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers, each a JVM of its
 * own as on a cluster's machines, one core each. {@code spark train} trains LeNet on them
 * (each worker starts an executor, which fits its share of the minibatches), then the cluster
 * stops. Everything binds to the loopback address.
 */
class StandaloneClusterTest {

    @Test
    void lenetTrainsOnAMasterAndTwoWorkers(@TempDir Path dir) throws Exception {
        Path data = MnistSlice.write(dir.resolve("digits"), 3000, 500);
        try (var cluster = LocalCluster.start(dir.resolve("cluster"), 2)) {
            Path out = dir.resolve("run");
            SparkCli.Run r = SparkCli.run("spark", "train", "--master", cluster.master(), "--template", "lenet",
                    "--dataset", "idx:" + data, "--epochs", "1", "--out", out.toString(),
                    "--conf", "spark.executor.memory=1500m");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains(cluster.master() + ", 2 task slot(s)");
            JsonNode json = Json.mapper().readTree(r.json());
            assertThat(json.get("test_accuracy").asDouble()).isGreaterThan(0.85);
            assertThat(RunFolder.open(out).readEpochs()).hasSize(1);

            // Both workers ran an executor of the application, and those executors ran tasks.
            for (Path worker : cluster.workDirs()) {
                try (var files = Files.walk(worker)) {
                    assertThat(files.filter(f -> f.getFileName().toString().equals("stderr")).anyMatch(f ->
                            read(f).contains("Running task"))).as("an executor of %s ran tasks", worker).isTrue();
                }
            }

            // A sweep's trials as tasks on the workers: each trains in a process its executor starts.
            Path small = MnistSlice.write(dir.resolve("few-digits"), 600, 200);
            SparkCli.Run sweep = SparkCli.run("spark", "sweep", "--master", cluster.master(), "--template", "lenet",
                    "--dataset", "idx:" + small, "--vary", "batch_size=32,64", "--epochs", "1", "--no-halving",
                    "--out", dir.resolve("sweep").toString(), "--conf", "spark.executor.memory=1g");
            assertThat(sweep.exitCode()).as(sweep.err() + sweep.out()).isZero();
            assertThat(sweep.err()).contains("2 at once, 1 thread(s) each, on Spark");
            JsonNode trials = Json.mapper().readTree(sweep.json()).get("trials");
            assertThat(trials).hasSize(2).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("done"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
