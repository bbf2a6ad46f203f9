package org.dl4jworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dl4jworkbench.app.cli.CommandLineTest.Run;
import org.dl4jworkbench.core.data.Dataset;
import org.dl4jworkbench.core.data.DatasetOptions;
import org.dl4jworkbench.core.data.Datasets;
import org.dl4jworkbench.core.data.RealPhotos;
import org.dl4jworkbench.core.model.ModelFiles;
import org.dl4jworkbench.core.model.ModelMetadata;
import org.dl4jworkbench.core.pretrained.Pretrained;
import org.dl4jworkbench.core.spec.NetworkSpec;
import org.dl4jworkbench.core.spec.SpecJson;
import org.dl4jworkbench.core.spec.Templates;
import org.dl4jworkbench.core.train.StopReason;
import org.dl4jworkbench.core.train.Trainer;
import org.dl4jworkbench.core.train.TrainingListener;
import org.dl4jworkbench.core.train.TrainingResult;
import org.dl4jworkbench.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer model (the mobilenet-transfer template, trained on real CIFAR cats and dogs from
 * the real MobileNet) saved as a graph zip opens in {@code evaluate} and {@code predict}.
 */
class EvaluateTransferModelTest {

    @TempDir
    Path dir;

    @Test
    void aTransferModelEvaluatesAsItsTrainingMeasuredAndPredicts() throws Exception {
        Path folder = RealPhotos.cifarFolder(dir.resolve("photos"), List.of("cat", "dog"), 20, 10);
        Path model = dir.resolve("transfer.zip");
        TrainingResult result;
        try (var data = DataFolder.withMobileNet(dir.resolve("data"))) {
            Dataset photos = Datasets.open("folder:" + folder,
                    new DatasetOptions(224, 224, 3, dir.resolve("decoded"), null, null));
            NetworkSpec spec = Templates.find(Templates.TRANSFER).orElseThrow().spec();
            spec = spec.withTraining(spec.training().withEpochs(2));
            result = new Trainer(spec, photos).withBackbones(Pretrained.installedIn(data.root), dir.resolve("cache"))
                    .train(new TrainingListener() { });
            assertThat(result.reason()).isEqualTo(StopReason.COMPLETED);
            ModelFiles.save(result.network(), new ModelMetadata(ModelMetadata.FORMAT_VERSION, "test", "1.0.0-M2.1",
                    Instant.now().toString(), photos.classNames(), 224, 224, 3, result.normalizer(),
                    "folder:" + folder, 2, result.test().accuracy(), SpecJson.toTree(spec)), model);
        }

        Run evaluated = CommandLineTest.run("evaluate", "--model", model.toString(), "--dataset", "folder:" + folder,
                "--json");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        JsonNode json = Json.mapper().readTree(evaluated.out());
        assertThat(json.get("total").asInt()).isEqualTo(20);
        assertThat(json.get("accuracy").asDouble()).isEqualTo(result.test().accuracy());
        assertThat(json.get("loss").asDouble()).isCloseTo(result.test().loss(), within(1e-4));

        Path photo;
        try (var files = Files.list(folder.resolve("test").resolve("dog"))) {
            photo = files.sorted().findFirst().orElseThrow();
        }
        Run predicted = CommandLineTest.run("predict", "--model", model.toString(), photo.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.out()).matches(java.util.regex.Pattern.quote(photo.toString())
                + ": (cat|dog) \\d+\\.\\d%, (cat|dog) \\d+\\.\\d%\\n");
    }
}
