package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} on a model trained by {@code train}, as a user runs them one after the other. */
class EvaluateCommandTest {

    @Test
    void evaluationOfATrainedModelAddsUpToTheTestSet(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        var trained = CommandLineTest.run("train", "--template", "mlp", "--epochs", "1", "--batch", "128",
                "--out", run.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();

        var r = CommandLineTest.run("evaluate", "--model", run.resolve("model.zip").toString(), "--dataset",
                "mnist-mini", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("total").asInt()).isEqualTo(2_000);
        int sum = 0;
        for (JsonNode row : json.get("confusion")) {
            for (JsonNode cell : row) {
                sum += cell.asInt();
            }
        }
        assertThat(sum).isEqualTo(2_000); // the confusion matrix covers the whole test set
        assertThat(json.get("accuracy").asDouble()).isGreaterThan(0.85);
        assertThat(json.get("top_k").asInt()).isEqualTo(3);
        assertThat(json.get("top_k_accuracy").asDouble()).isGreaterThan(json.get("accuracy").asDouble());
        assertThat(json.get("classes")).hasSize(10);
        assertThat(json.get("mistakes_total").asInt()).isEqualTo(2_000 - json.get("correct").asInt());
        // the same evaluation train wrote into the run folder
        JsonNode saved = Json.mapper().readTree(run.resolve("evaluation.json").toFile());
        assertThat(saved.get("correct").asInt()).isEqualTo(json.get("correct").asInt());

        var text = CommandLineTest.run("evaluate", "--model", run.resolve("model.zip").toString(), "--dataset",
                "mnist-mini");
        assertThat(text.out()).contains("Accuracy", "top-3 accuracy", "PRECISION", "Confusion matrix",
                "Most confident mistakes");
    }

    @Test
    void aModelFileThatIsNotOneIsRefusedWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path fake = Files.writeString(dir.resolve("model.zip"), "not a zip");
        var r = CommandLineTest.run("evaluate", "--model", fake.toString(), "--dataset", "mnist-mini");
        assertThat(r.exitCode()).isEqualTo(WorkbenchCommand.BAD_INPUT);
        assertThat(r.err()).contains("not a model file").doesNotContain("\tat ");
    }
}
