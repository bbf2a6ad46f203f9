package org.dl4jworkbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dl4jworkbench.app.cli.MnistSlice;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C (or the window's Stop, SIGTERM) on {@code spark train} in a process of its own: the run
 * stops after the minibatches in flight and keeps its model, although Spark's own shutdown hook
 * would stop the Spark context under it.
 */
class StopSparkTrainTest {

    @Test
    void aTerminatedSparkRunStopsAndKeepsItsModel(@TempDir Path dir) throws Exception {
        Path data = MnistSlice.write(dir.resolve("digits"), 6000, 300);
        Path out = dir.resolve("run");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g"));
        command.addAll(Cluster.JAVA_OPTIONS);
        command.addAll(List.of("-Dworkbench.logs=" + dir.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                SparkMain.class.getName(), "spark", "train", "--master", "local[2]", "--dataset", "idx:" + data,
                "--epochs", "3", "--out", out.toString()));
        Path log = dir.resolve("spark-train.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(log) && Files.readString(log).contains("epoch 1/3  batch"))) {
                assertThat(p.isAlive()).as(Files.exists(log) ? Files.readString(log) : "no output").isTrue();
                assertThat(System.nanoTime()).as("no minibatch within 120 s").isLessThan(deadline);
                Thread.sleep(200);
            }
            p.destroy(); // SIGTERM, as Ctrl+C's SIGINT: the JVM's shutdown hooks run
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("ended within 90 s").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(output).contains("Stopped on request in epoch 1").doesNotContain("SparkContext was shut down");
        RunSummary summary = RunFolder.open(out).readSummary();
        assertThat(summary.status()).as(output).isEqualTo(RunSummary.STOPPED);
        assertThat(ModelFiles.load(out.resolve("model.zip")).classNames()).hasSize(10);
    }
}
