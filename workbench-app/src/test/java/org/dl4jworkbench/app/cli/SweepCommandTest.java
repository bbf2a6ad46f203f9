package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jworkbench.core.run.RunFolder;
import org.dl4jworkbench.core.run.RunSummary;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} as a user runs it: four LeNet trials on 1,200 real MNIST digits, each trained
 * by {@code train} in a process of its own, halved after one epoch by validation accuracy.
 */
class SweepCommandTest {

    @Test
    void fourTrialLenetSweepStopsTheWorseHalfAfterOneEpoch(@TempDir Path dir) throws Exception {
        Path data = MnistSlice.write(dir.resolve("digits"), 1200, 300);
        Path out = dir.resolve("sweep");
        CommandLineTest.Run r = CommandLineTest.run("sweep", "--template", "lenet", "--dataset", "idx:" + data,
                "--vary", "learning_rate=1e-4,3e-3", "--vary", "batch_size=32,64", "--epochs", "2", "--eta", "2",
                "--parallel", "2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();

        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines.get(0)).startsWith("TRIAL").contains("SETTINGS", "VAL ACC", "STATUS");
        assertThat(lines.subList(1, 5)).allMatch(l -> l.startsWith("trial-"));
        assertThat(lines.subList(1, 5).stream().filter(l -> l.endsWith("stopped early at rung 1"))).hasSize(2);
        assertThat(lines.subList(1, 5).stream().filter(l -> l.endsWith("done"))).hasSize(2);
        assertThat(lines).hasSize(6);

        JsonNode json = Json.mapper().readTree(lines.get(5));
        JsonNode trials = json.get("trials");
        assertThat(trials).hasSize(4);
        List<Double> stoppedAccuracies = new ArrayList<>();
        List<Double> keptAccuracies = new ArrayList<>();
        for (JsonNode t : trials) {
            RunFolder run = RunFolder.open(Path.of(t.get("run").asText()));
            int epochs = t.get("epochs").asInt();
            assertThat(run.readEpochs()).extracting(e -> e.epoch())
                    .containsExactlyElementsOf(epochs == 2 ? List.of(1, 2) : List.of(1));
            assertThat(run.readSummary().status()).isEqualTo(RunSummary.COMPLETED);
            assertThat(run.model()).exists();
            double firstRung = t.get("rung_accuracies").get(0).asDouble();
            assertThat(firstRung).isEqualTo(run.readEpochs().get(0).validationAccuracy());
            if (t.get("status").asText().equals("stopped")) {
                assertThat(epochs).isEqualTo(1);
                assertThat(t.get("outcome").asText()).isEqualTo("stopped early at rung 1");
                stoppedAccuracies.add(firstRung);
            } else {
                assertThat(t.get("status").asText()).isEqualTo("done");
                assertThat(epochs).isEqualTo(2);
                assertThat(t.get("validation_accuracy").asDouble())
                        .isEqualTo(run.readEpochs().get(1).validationAccuracy());
                keptAccuracies.add(firstRung);
            }
        }
        // Successive halving kept the two best after the first epoch.
        assertThat(keptAccuracies).hasSize(2).allMatch(k -> stoppedAccuracies.stream().allMatch(s -> k >= s));

        JsonNode best = json.get("best");
        assertThat(best.get("status").asText()).isEqualTo("done");
        double bestAccuracy = best.get("validation_accuracy").asDouble();
        for (JsonNode t : trials) {
            if (t.get("status").asText().equals("done")) {
                assertThat(bestAccuracy).isGreaterThanOrEqualTo(t.get("validation_accuracy").asDouble());
            }
        }
        assertThat(bestAccuracy).isGreaterThan(0.5); // LeNet learns digits from 1,080 images in two epochs
        assertThat(best.get("settings").get("batch_size").asInt()).isIn(32, 64);
        assertThat(Files.exists(out.resolve("sweep.json"))).isTrue();
    }

    @Test
    void aDivergingTrialFailsWithItsMessageAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        Path data = MnistSlice.write(dir.resolve("digits"), 400, 100);
        CommandLineTest.Run r = CommandLineTest.run("sweep", "--template", "lenet", "--dataset", "idx:" + data,
                "--vary", "optimizer=sgd", "--vary", "learning_rate=9,0.01", "--epochs", "1", "--no-halving",
                "--parallel", "2", "--out", dir.resolve("sweep").toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        JsonNode trials = Json.mapper().readTree(lines.get(lines.size() - 1)).get("trials");
        assertThat(trials.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(trials.get(0).get("message").asText()).contains("training diverged", "trial-1.log");
        assertThat(trials.get(1).get("status").asText()).isEqualTo("done");
        assertThat(trials.get(1).get("epochs").asInt()).isEqualTo(1);
        assertThat(lines).anyMatch(l -> l.startsWith("trial-1") && l.contains("failed: the loss became"));
        JsonNode best = Json.mapper().readTree(lines.get(lines.size() - 1)).get("best");
        assertThat(best.get("trial").asText()).isEqualTo("trial-2");
    }

    @Test
    void badInputGetsAMessageNotATrace(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("sweep", "--vary", "batch_size=32,6x", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("error: --vary 'batch_size=32,6x': batch_size takes whole numbers, found '6x'");

        r = CommandLineTest.run("sweep", "--vary", "conv7.filters=8,16");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("the network 'lenet' has no layer 'conv7'; its layers are conv1, pool1, conv2");

        r = CommandLineTest.run("sweep", "--template", "lenet5", "--vary", "batch_size=32,64");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("unknown template 'lenet5'; choose one of:");

        r = CommandLineTest.run("sweep", "--vary", "learning_rate=1e-4..1e-2:log");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("a grid search needs a list of values").contains("--trials N");

        r = CommandLineTest.run("sweep");
        assertThat(r.err()).contains("nothing to vary: give at least one --vary");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        r = CommandLineTest.run("sweep", "--vary", "batch_size=32,64", "--out", file.resolve("sweep").toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("--out " + file.resolve("sweep") + ": " + file + " is a file, not a folder");

        r = CommandLineTest.run("sweep", "--resume", dir.toString());
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains(dir + ": not a sweep folder (it has no sweep.json)");

        for (String err : List.of(r.err())) {
            assertThat(err).doesNotContain("Exception", "\tat ");
        }
    }
}
